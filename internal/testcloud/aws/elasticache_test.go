package aws

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/elasticache"
	elasticachetypes "github.com/aws/aws-sdk-go-v2/service/elasticache/types"

	"github.com/vigil-sec/vigil/model"
)

func TestElastiCacheOperations(t *testing.T) {
	w := fragmentWorld(t, "elasticache")
	ew := w.Account(fragmentAccount).worldOf("elasticache", "us-east-1").(*elasticacheWorld)
	cfg, _ := testCloud(t, w)
	client := elasticache.NewFromConfig(cfg)
	ctx := context.Background()

	out, err := client.DescribeReplicationGroups(ctx, &elasticache.DescribeReplicationGroupsInput{})
	if err != nil {
		t.Fatal(err)
	}
	var want []elasticachetypes.ReplicationGroup
	for _, g := range ew.ReplicationGroups {
		want = append(want, g.ReplicationGroup)
	}
	// jobs-valkey has no ARN in the world: it gets its own.
	want[2].ARN = aws.String("arn:aws:elasticache:us-east-1:111111111111:replicationgroup:jobs-valkey")
	sameJSON(t, "DescribeReplicationGroups", out.ReplicationGroups, want)

	for i, g := range want {
		tags, err := client.ListTagsForResource(ctx, &elasticache.ListTagsForResourceInput{ResourceName: g.ARN})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, tag := range tags.TagList {
			got[*tag.Key] = *tag.Value
		}
		wantTags := ew.ReplicationGroups[i].Tags
		if wantTags == nil {
			wantTags = map[string]string{}
		}
		sameJSON(t, "ListTagsForResource "+*g.ReplicationGroupId, got, wantTags)
	}

	for _, tc := range []struct {
		what string
		call func() error
		code string
	}{
		{"a missing group", func() error {
			_, err := client.DescribeReplicationGroups(ctx, &elasticache.DescribeReplicationGroupsInput{ReplicationGroupId: aws.String("nope")})
			return err
		}, "ReplicationGroupNotFoundFault"},
		{"tags of a missing group", func() error {
			_, err := client.ListTagsForResource(ctx, &elasticache.ListTagsForResourceInput{ResourceName: aws.String("arn:aws:elasticache:us-east-1:111111111111:replicationgroup:nope")})
			return err
		}, "ReplicationGroupNotFoundFault"},
		{"tags of no ARN", func() error {
			_, err := client.ListTagsForResource(ctx, &elasticache.ListTagsForResourceInput{ResourceName: aws.String("sessions-redis")})
			return err
		}, "InvalidARN"},
		{"MaxRecords 10", func() error {
			_, err := client.DescribeReplicationGroups(ctx, &elasticache.DescribeReplicationGroupsInput{MaxRecords: aws.Int32(10)})
			return err
		}, "InvalidParameterValue"},
	} {
		if code := apiCode(tc.call()); code != tc.code {
			t.Errorf("%s: %q, want %s", tc.what, code, tc.code)
		}
	}
}

// DescribeReplicationGroups pages 100 groups by default, or MaxRecords.
func TestElastiCachePages(t *testing.T) {
	w := fragmentWorld(t, "elasticache")
	big := &elasticacheWorld{}
	for i := range 120 {
		big.ReplicationGroups = append(big.ReplicationGroups, elasticacheGroup{
			ReplicationGroup: elasticachetypes.ReplicationGroup{ReplicationGroupId: aws.String(fmt.Sprintf("rg-%03d", i))}})
	}
	w.Account(fragmentAccount).Set("us-east-1", "elasticache", big)
	cfg, _ := testCloud(t, w)
	client := elasticache.NewFromConfig(cfg)
	for _, tc := range []struct {
		max   int32
		pages string
	}{{0, "[100 20]"}, {50, "[50 50 20]"}} {
		in := &elasticache.DescribeReplicationGroupsInput{}
		if tc.max > 0 {
			in.MaxRecords = aws.Int32(tc.max)
		}
		var sizes []int
		var last string
		p := elasticache.NewDescribeReplicationGroupsPaginator(client, in)
		for p.HasMorePages() {
			page, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, len(page.ReplicationGroups))
			last = aws.ToString(page.ReplicationGroups[len(page.ReplicationGroups)-1].ARN)
		}
		if fmt.Sprint(sizes) != tc.pages || last != "arn:aws:elasticache:us-east-1:111111111111:replicationgroup:rg-119" {
			t.Errorf("MaxRecords %d: pages %v, last %s", tc.max, sizes, last)
		}
	}
}

func TestElastiCacheCollector(t *testing.T) {
	w := fragmentWorld(t, "elasticache")
	res, srv := collect(t, w, "elasticache")
	if st := srv.Stats(); len(st.Unhandled) > 0 {
		t.Errorf("unhandled: %v", st.Unhandled)
	}
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	groups := byKind(res.Resources)["aws.elasticache.replication_group"]
	for name, want := range map[string]model.ElastiCacheReplicationGroup{
		"sessions-redis": {UserGroupIDs: []string{}},
		"payments-redis": {AtRestEncryption: true, TransitEncryption: true, AuthTokenSet: true, SnapshotRetention: 7,
			AutomaticFailover: true, AutoMinorVersionUpgrade: true, UserGroupIDs: []string{}},
		"jobs-valkey": {AtRestEncryption: true, TransitEncryption: true, SnapshotRetention: 1, UserGroupIDs: []string{"jobs-users"}},
	} {
		r := groups[name]
		if r == nil || !reflect.DeepEqual(*r.Attributes.(*model.ElastiCacheReplicationGroup), want) {
			t.Errorf("%s: %+v, want %+v", name, r, want)
		}
	}
	if j := groups["jobs-valkey"]; j == nil || !j.IsUnknown("automatic_failover") || !j.IsUnknown("auto_minor_version_upgrade") || j.IsUnknown("snapshot_retention_limit") {
		t.Errorf("jobs-valkey unknown: %v", j.Unknown)
	}
	if p := groups["payments-redis"]; p == nil || p.Tags["data"] != "pci" || len(p.Relations) != 1 {
		t.Errorf("payments-redis tags and key: %+v", p)
	}
	if j := groups["jobs-valkey"]; j == nil || j.Tags != nil || j.ID != "arn:aws:elasticache:us-east-1:111111111111:replicationgroup:jobs-valkey" {
		t.Errorf("jobs-valkey: %+v", j)
	}
}
