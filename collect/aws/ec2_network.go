package aws

import (
	"context"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/vigil-sec/vigil/model"
)

// collectSecurityGroups records security groups with the number of
// network interfaces each is attached to (uses, from
// collectNetworkInterfaces).
func collectSecurityGroups(ctx context.Context, s *scope, client *ec2.Client, uses map[string]int) {
	p := ec2.NewDescribeSecurityGroupsPaginator(client, &ec2.DescribeSecurityGroupsInput{MaxResults: aws.Int32(1000)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeSecurityGroups", err)
			return
		}
		for _, g := range page.SecurityGroups {
			id := aws.ToString(g.GroupId)
			a := &model.EC2SecurityGroup{
				Name:        aws.ToString(g.GroupName),
				Description: aws.ToString(g.Description),
				VPCID:       aws.ToString(g.VpcId),
				IsDefault:   aws.ToString(g.GroupName) == "default",
				Ingress:     sgRules(g.IpPermissions),
				Egress:      sgRules(g.IpPermissionsEgress),

				NetworkInterfaceCount: uses[id],
			}
			arn := aws.ToString(g.SecurityGroupArn)
			if arn == "" {
				arn = s.ec2ARN("security-group", id)
			}
			var rels []model.Relation
			if a.VPCID != "" {
				rels = append(rels, model.Relation{Type: model.RelInVPC, Target: s.ec2ARN("vpc", a.VPCID)})
			}
			s.add(arn, model.KindEC2SecurityGroup.With(a), a.Name, g, ec2Tags(g.Tags), rels...)
		}
	}
}

// sgRules normalizes IP permissions the way the Terraform adapter reads
// them: one rule per permission and description (AWS keeps a description
// per CIDR, group or prefix list; Terraform, and so the model, one per
// rule), protocol spelled tcp/udp/icmp/icmpv6/-1, and the ports AWS omits
// for protocol -1 read as 0, as Terraform's inline rules write them.
func sgRules(perms []ec2types.IpPermission) []model.SecurityGroupRule {
	out := []model.SecurityGroupRule{}
	for _, p := range perms {
		byDesc := map[string]*model.SecurityGroupRule{}
		var order []string
		rule := func(desc *string) *model.SecurityGroupRule {
			d := aws.ToString(desc)
			if r := byDesc[d]; r != nil {
				return r
			}
			r := &model.SecurityGroupRule{
				Protocol:       model.NormalizeProtocol(aws.ToString(p.IpProtocol)),
				FromPort:       int(aws.ToInt32(p.FromPort)),
				ToPort:         int(aws.ToInt32(p.ToPort)),
				CIDRBlocks:     []string{},
				IPv6CIDRBlocks: []string{},
				SecurityGroups: []string{},
				PrefixLists:    []string{},
				Description:    d,
			}
			byDesc[d] = r
			order = append(order, d)
			return r
		}
		for _, r := range p.IpRanges {
			x := rule(r.Description)
			x.CIDRBlocks = append(x.CIDRBlocks, aws.ToString(r.CidrIp))
		}
		for _, r := range p.Ipv6Ranges {
			x := rule(r.Description)
			x.IPv6CIDRBlocks = append(x.IPv6CIDRBlocks, aws.ToString(r.CidrIpv6))
		}
		for _, g := range p.UserIdGroupPairs {
			x := rule(g.Description)
			ref := aws.ToString(g.GroupId)
			if u := aws.ToString(g.UserId); u != "" && g.VpcPeeringConnectionId != nil {
				ref = u + "/" + ref // a group across a peering, as Terraform writes it
			}
			x.SecurityGroups = append(x.SecurityGroups, ref)
		}
		for _, pl := range p.PrefixListIds {
			x := rule(pl.Description)
			x.PrefixLists = append(x.PrefixLists, aws.ToString(pl.PrefixListId))
		}
		if len(order) == 0 {
			rule(nil) // a permission with no source at all still exists
		}
		for _, d := range order {
			out = append(out, *byDesc[d])
		}
	}
	return out
}

// ec2NACLDefaultRule is the catch-all deny every network ACL ends with; it
// cannot be changed, and Terraform leaves it out, so the model does too.
const ec2NACLDefaultRule = 32767

func collectNetworkACLs(ctx context.Context, s *scope, client *ec2.Client) {
	p := ec2.NewDescribeNetworkAclsPaginator(client, &ec2.DescribeNetworkAclsInput{MaxResults: aws.Int32(1000)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeNetworkAcls", err)
			return
		}
		for _, n := range page.NetworkAcls {
			id := aws.ToString(n.NetworkAclId)
			a := &model.EC2NetworkACL{
				VPCID:     aws.ToString(n.VpcId),
				IsDefault: aws.ToBool(n.IsDefault),
				Entries:   []model.NetworkACLRule{},
				Subnets:   []string{},
			}
			var rels []model.Relation
			for _, as := range n.Associations {
				if sn := aws.ToString(as.SubnetId); sn != "" {
					a.Subnets = append(a.Subnets, sn)
					rels = append(rels, model.Relation{Type: model.RelAssociatedWith, Target: s.ec2ARN("subnet", sn)})
				}
			}
			entries := append([]ec2types.NetworkAclEntry(nil), n.Entries...)
			// Ingress before egress, each in rule-number order, as the
			// Terraform adapter lists inline entries.
			sort.SliceStable(entries, func(i, j int) bool {
				ei, ej := aws.ToBool(entries[i].Egress), aws.ToBool(entries[j].Egress)
				if ei != ej {
					return !ei
				}
				return aws.ToInt32(entries[i].RuleNumber) < aws.ToInt32(entries[j].RuleNumber)
			})
			for _, e := range entries {
				if aws.ToInt32(e.RuleNumber) == ec2NACLDefaultRule {
					continue
				}
				r := model.NetworkACLRule{
					RuleNumber:    int(aws.ToInt32(e.RuleNumber)),
					Egress:        aws.ToBool(e.Egress),
					Protocol:      model.NormalizeProtocol(aws.ToString(e.Protocol)),
					Action:        strings.ToLower(string(e.RuleAction)),
					CIDRBlock:     aws.ToString(e.CidrBlock),
					IPv6CIDRBlock: aws.ToString(e.Ipv6CidrBlock),
				}
				if e.PortRange != nil {
					r.FromPort = int(aws.ToInt32(e.PortRange.From))
					r.ToPort = int(aws.ToInt32(e.PortRange.To))
				}
				a.Entries = append(a.Entries, r)
			}
			if a.VPCID != "" {
				rels = append(rels, model.Relation{Type: model.RelInVPC, Target: s.ec2ARN("vpc", a.VPCID)})
			}
			tags := ec2Tags(n.Tags)
			s.add(s.ec2ARN("network-acl", id), model.KindEC2NetworkACL.With(a), ec2Name(tags, id), n, tags, rels...)
		}
	}
}

// collectVPCs records VPCs with flow_logs_enabled from the flow logs whose
// resource is the VPC. When the flow logs cannot be listed the attribute
// is marked unknown rather than reported off.
func collectVPCs(ctx context.Context, s *scope, client *ec2.Client) {
	logged := map[string]bool{}
	s.readKind("DescribeFlowLogs", kindFills{model.KindEC2VPC.Name(): {"flow_logs_enabled"}}, func() error {
		fp := ec2.NewDescribeFlowLogsPaginator(client, &ec2.DescribeFlowLogsInput{MaxResults: aws.Int32(1000)})
		for fp.HasMorePages() {
			page, err := fp.NextPage(ctx)
			if err != nil {
				return err
			}
			for _, f := range page.FlowLogs {
				logged[aws.ToString(f.ResourceId)] = true
			}
		}
		return nil
	})
	p := ec2.NewDescribeVpcsPaginator(client, &ec2.DescribeVpcsInput{MaxResults: aws.Int32(1000)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeVpcs", err)
			return
		}
		for _, v := range page.Vpcs {
			id := aws.ToString(v.VpcId)
			a := &model.EC2VPC{
				CIDRBlock:       aws.ToString(v.CidrBlock),
				IsDefault:       aws.ToBool(v.IsDefault),
				FlowLogsEnabled: logged[id],
			}
			tags := ec2Tags(v.Tags)
			s.add(s.ec2ARN("vpc", id), model.KindEC2VPC.With(a), ec2Name(tags, id), v, tags)
		}
	}
}

func collectSubnets(ctx context.Context, s *scope, client *ec2.Client) {
	p := ec2.NewDescribeSubnetsPaginator(client, &ec2.DescribeSubnetsInput{MaxResults: aws.Int32(1000)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeSubnets", err)
			return
		}
		for _, sn := range page.Subnets {
			id := aws.ToString(sn.SubnetId)
			a := &model.EC2Subnet{
				VPCID:               aws.ToString(sn.VpcId),
				CIDRBlock:           aws.ToString(sn.CidrBlock),
				AvailabilityZone:    aws.ToString(sn.AvailabilityZone),
				MapPublicIPOnLaunch: aws.ToBool(sn.MapPublicIpOnLaunch),
			}
			arn := aws.ToString(sn.SubnetArn)
			if arn == "" {
				arn = s.ec2ARN("subnet", id)
			}
			var rels []model.Relation
			if a.VPCID != "" {
				rels = append(rels, model.Relation{Type: model.RelInVPC, Target: s.ec2ARN("vpc", a.VPCID)})
			}
			tags := ec2Tags(sn.Tags)
			s.add(arn, model.KindEC2Subnet.With(a), ec2Name(tags, id), sn, tags, rels...)
		}
	}
}
