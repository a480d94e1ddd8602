package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"

	"github.com/vigil-sec/vigil/model"
)

// collectNetworkInterfaces records every network interface of the region
// and returns, by security group id, how many interfaces the group is
// attached to: every use of a group in a VPC (an instance, a load
// balancer, a database, a function in a VPC, an endpoint, a task) is an
// ENI that carries it, so a group on none is unused. When the listing
// fails, the interfaces are unread and every group's count is unknown.
func collectNetworkInterfaces(ctx context.Context, s *scope, client *ec2.Client) map[string]int {
	uses := map[string]int{}
	s.readKind("DescribeNetworkInterfaces", kindFills{model.KindEC2NetworkInterface.Name(): nil, model.KindEC2SecurityGroup.Name(): {"network_interface_count"}}, func() error {
		p := ec2.NewDescribeNetworkInterfacesPaginator(client, &ec2.DescribeNetworkInterfacesInput{MaxResults: aws.Int32(1000)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			for _, ni := range page.NetworkInterfaces {
				id := aws.ToString(ni.NetworkInterfaceId)
				a := &model.EC2NetworkInterface{
					Status:           string(ni.Status),
					InterfaceType:    string(ni.InterfaceType),
					Description:      aws.ToString(ni.Description),
					RequesterManaged: aws.ToBool(ni.RequesterManaged),
					SubnetID:         aws.ToString(ni.SubnetId),
					VPCID:            aws.ToString(ni.VpcId),
					SecurityGroups:   []string{},
				}
				if ni.Attachment != nil {
					a.AttachedInstanceID = aws.ToString(ni.Attachment.InstanceId)
				}
				var rels []model.Relation
				for _, g := range ni.Groups {
					gid := aws.ToString(g.GroupId)
					a.SecurityGroups = append(a.SecurityGroups, gid)
					uses[gid]++
					rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: s.ec2ARN("security-group", gid)})
				}
				if a.SubnetID != "" {
					rels = append(rels, model.Relation{Type: model.RelInSubnet, Target: s.ec2ARN("subnet", a.SubnetID)})
				}
				if a.VPCID != "" {
					rels = append(rels, model.Relation{Type: model.RelInVPC, Target: s.ec2ARN("vpc", a.VPCID)})
				}
				tags := ec2Tags(ni.TagSet)
				s.add(s.ec2ARN("network-interface", id), model.KindEC2NetworkInterface.With(a), ec2Name(tags, id), ni, tags, rels...)
			}
		}
		return nil
	})
	return uses
}

// collectAddresses records the region's Elastic IP addresses. One
// DescribeAddresses call answers them all: the API does not page.
func collectAddresses(ctx context.Context, s *scope, client *ec2.Client) {
	out, err := client.DescribeAddresses(ctx, &ec2.DescribeAddressesInput{})
	if err != nil {
		s.fail("DescribeAddresses", err)
		return
	}
	for _, ad := range out.Addresses {
		a := &model.EC2ElasticIP{
			PublicIP:           aws.ToString(ad.PublicIp),
			AllocationID:       aws.ToString(ad.AllocationId),
			Domain:             string(ad.Domain),
			InstanceID:         aws.ToString(ad.InstanceId),
			NetworkInterfaceID: aws.ToString(ad.NetworkInterfaceId),
		}
		// A VPC address is associated when it has an association id; an
		// EC2-Classic (standard) one names its instance only.
		a.Associated = aws.ToString(ad.AssociationId) != "" || a.InstanceID != "" || a.NetworkInterfaceID != ""
		id := a.AllocationID
		if id == "" {
			id = a.PublicIP
		}
		var rels []model.Relation
		if a.InstanceID != "" {
			rels = append(rels, model.Relation{Type: model.RelAssociatedWith, Target: s.ec2ARN("instance", a.InstanceID)})
		}
		if a.NetworkInterfaceID != "" {
			rels = append(rels, model.Relation{Type: model.RelAssociatedWith, Target: s.ec2ARN("network-interface", a.NetworkInterfaceID)})
		}
		tags := ec2Tags(ad.Tags)
		name := tags["Name"]
		if name == "" {
			name = a.PublicIP
		}
		s.add(s.ec2ARN("elastic-ip", id), model.KindEC2ElasticIP.With(a), name, ad, tags, rels...)
	}
}
