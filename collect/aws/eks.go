package aws

import (
	"context"
	"fmt"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("eks", false, collectEKS) }

// collectEKS reads every cluster's endpoint access, secrets encryption and
// control plane logging into aws.eks.cluster.
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
	})
}
