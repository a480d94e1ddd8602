package drift

import (
	"fmt"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

// inventory makes n resources (buckets and security groups, as in a real
// estate's mix), of which every 100th differs when changed is set.
func inventory(n int, changed bool) []*model.Resource {
	out := make([]*model.Resource, 0, n)
	for i := 0; i < n; i++ {
		flip := changed && i%100 == 0
		if i%2 == 0 {
			b := bucket(fmt.Sprintf("bucket-%06d", i), !flip, map[string]string{"team": "t", "env": "prod"})
			out = append(out, b)
			continue
		}
		port := 443
		if flip {
			port = 22
		}
		out = append(out, &model.Resource{ID: fmt.Sprintf("arn:aws:ec2:us-east-1:111111111111:security-group/sg-%06d", i),
			Kind: "aws.ec2.security_group", Account: "111111111111", Region: "us-east-1", Tags: map[string]string{"Name": "web"},
			Relations: []model.Relation{{Type: model.RelInVPC, Target: "vpc-1"}},
			Attributes: &model.EC2SecurityGroup{Name: "web", VPCID: "vpc-1", Ingress: []model.SecurityGroupRule{
				{Protocol: "tcp", FromPort: port, ToPort: port, CIDRBlocks: []string{"0.0.0.0/0"}}},
				Egress: []model.SecurityGroupRule{{Protocol: "-1", CIDRBlocks: []string{"0.0.0.0/0"}}}}})
	}
	return out
}

// BenchmarkResources100k diffs two snapshots of 100,000 resources with 1 %
// changed: the cost of `vigil diff` on a large estate, store reads aside.
func BenchmarkResources100k(b *testing.B) {
	before, after := inventory(100_000, false), inventory(100_000, true)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := Resources(before, after, nil)
		if len(d.Changed) != 1000 {
			b.Fatalf("changed %d, want 1000", len(d.Changed))
		}
	}
}
