package aws

import (
	"context"
	"fmt"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	ekstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("eks", false, collectEKS) }

// collectEKS reads every cluster's endpoint access, secrets encryption and
// control plane logging into aws.eks.cluster, and each cluster's managed
// node groups into aws.eks.node_group.
func collectEKS(ctx context.Context, s *scope) {
	client := eks.NewFromConfig(s.Config())
	p := eks.NewListClustersPaginator(client, &eks.ListClustersInput{})
	var clusters []string
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListClusters", err)
			return
		}
		clusters = append(clusters, page.Clusters...)
	}
	forEach(s, clusters, func(name string) {
		out, err := client.DescribeCluster(ctx, &eks.DescribeClusterInput{Name: aws.String(name)})
		if err != nil {
			s.failResource("DescribeCluster", fmt.Sprintf("arn:%s:eks:%s:%s:cluster/%s", svcPartition(s.region), s.region, s.account, name), err)
			return
		}
		c := out.Cluster
		if c == nil {
			return
		}
		a := &model.EKSCluster{
			Name:              aws.ToString(c.Name),
			Version:           aws.ToString(c.Version),
			PublicAccessCIDRs: []string{},
			EnabledLogTypes:   []string{},
		}
		var rels []model.Relation
		if v := c.ResourcesVpcConfig; v != nil {
			a.EndpointPublicAccess = v.EndpointPublicAccess
			a.EndpointPrivateAccess = v.EndpointPrivateAccess
			// The CIDRs only mean something while the public endpoint
			// is on (EKS reports 0.0.0.0/0 for private-only clusters too).
			if v.EndpointPublicAccess {
				a.PublicAccessCIDRs = append(a.PublicAccessCIDRs, v.PublicAccessCidrs...)
				if len(a.PublicAccessCIDRs) == 0 {
					a.PublicAccessCIDRs = []string{"0.0.0.0/0"}
				}
			}
			if v.VpcId != nil {
				rels = append(rels, model.Relation{Type: model.RelInVPC, Target: aws.ToString(v.VpcId)})
			}
			for _, sn := range v.SubnetIds {
				rels = append(rels, model.Relation{Type: model.RelInSubnet, Target: sn})
			}
		}
		// An encryption config names the customer KMS key that wraps
		// secrets (EKS deprecated its resources list, which only ever
		// held "secrets", when it began encrypting all API data).
		for _, ec := range c.EncryptionConfig {
			if ec.Provider != nil && aws.ToString(ec.Provider.KeyArn) != "" {
				a.SecretsEncryption = true
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: aws.ToString(ec.Provider.KeyArn)})
			}
		}
		if c.Logging != nil {
			for _, ls := range c.Logging.ClusterLogging {
				if aws.ToBool(ls.Enabled) {
					for _, t := range ls.Types {
						a.EnabledLogTypes = append(a.EnabledLogTypes, string(t))
					}
				}
			}
			sort.Strings(a.EnabledLogTypes)
		}
		if r := aws.ToString(c.RoleArn); r != "" {
			rels = append(rels, model.Relation{Type: model.RelUsesRole, Target: r})
		}
		var tags map[string]string
		if len(c.Tags) > 0 {
			tags = c.Tags
		}
		s.add(aws.ToString(c.Arn), model.KindEKSCluster.With(a), a.Name, c, tags, rels...)
		collectEKSNodeGroups(ctx, s, client, name)
	})
}

// collectEKSNodeGroups reads one cluster's managed node groups
// (ListNodegroups, then DescribeNodegroup of each). A node group's ARN ends
// in an id only DescribeNodegroup answers, so a node group that call could
// not read cannot be named: either call failing leaves the kind unread in
// the unit (the error names it, and the node groups' earlier findings stay
// stale, not resolved), while the clusters are judged as read.
func collectEKSNodeGroups(ctx context.Context, s *scope, client *eks.Client, cluster string) {
	kind := kindFills{model.KindEKSNodeGroup.Name(): nil}
	var names []string
	if !s.readKind("ListNodegroups", kind, func() error {
		p := eks.NewListNodegroupsPaginator(client, &eks.ListNodegroupsInput{ClusterName: aws.String(cluster)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if awsCodeIn(err, "ResourceNotFoundException") {
				return nil // the cluster was deleted since it was described
			}
			if err != nil {
				return err
			}
			names = append(names, page.Nodegroups...)
		}
		return nil
	}) {
		return
	}
	forEach(s, names, func(name string) {
		var ng *ekstypes.Nodegroup
		s.readKind("DescribeNodegroup", kind, func() error {
			out, err := client.DescribeNodegroup(ctx, &eks.DescribeNodegroupInput{ClusterName: aws.String(cluster), NodegroupName: aws.String(name)})
			if awsCodeIn(err, "ResourceNotFoundException") {
				return nil // deleted since it was listed
			}
			if err != nil {
				return fmt.Errorf("node group %s of cluster %s: %w", name, cluster, err)
			}
			ng = out.Nodegroup
			return nil
		})
		if ng == nil || aws.ToString(ng.NodegroupArn) == "" {
			return
		}
		a, rels := eksNodeGroup(ng)
		var tags map[string]string
		if len(ng.Tags) > 0 {
			tags = ng.Tags
		}
		s.add(aws.ToString(ng.NodegroupArn), model.KindEKSNodeGroup.With(a), a.Name, ng, tags, rels...)
	})
}

// eksNodeGroup normalizes a managed node group as DescribeNodegroup
// answers it.
func eksNodeGroup(ng *ekstypes.Nodegroup) (*model.EKSNodeGroup, []model.Relation) {
	a := &model.EKSNodeGroup{
		Name:           aws.ToString(ng.NodegroupName),
		ClusterName:    aws.ToString(ng.ClusterName),
		NodeRoleARN:    aws.ToString(ng.NodeRole),
		AMIType:        string(ng.AmiType),
		CapacityType:   string(ng.CapacityType),
		Version:        aws.ToString(ng.Version),
		ReleaseVersion: aws.ToString(ng.ReleaseVersion),
		Subnets:        append([]string{}, ng.Subnets...),
		RemoteAccess:   model.EKSNodeRemoteAccess{SourceSecurityGroupIDs: []string{}},
	}
	if a.CapacityType == "" {
		a.CapacityType = string(ekstypes.CapacityTypesOnDemand)
	}
	if ra := ng.RemoteAccess; ra != nil {
		a.RemoteAccess.EC2SSHKey = aws.ToString(ra.Ec2SshKey)
		a.RemoteAccess.SourceSecurityGroupIDs = append(a.RemoteAccess.SourceSecurityGroupIDs, ra.SourceSecurityGroups...)
	}
	if lt := ng.LaunchTemplate; lt != nil {
		a.LaunchTemplate = model.EKSNodeLaunchTemplate{ID: aws.ToString(lt.Id), Name: aws.ToString(lt.Name), Version: aws.ToString(lt.Version)}
	}
	var rels []model.Relation
	if a.NodeRoleARN != "" {
		rels = append(rels, model.Relation{Type: model.RelUsesRole, Target: a.NodeRoleARN})
	}
	for _, sn := range a.Subnets {
		rels = append(rels, model.Relation{Type: model.RelInSubnet, Target: sn})
	}
	return a, rels
}
