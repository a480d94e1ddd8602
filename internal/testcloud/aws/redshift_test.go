package aws

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/redshift"
	redshifttypes "github.com/aws/aws-sdk-go-v2/service/redshift/types"

	"github.com/vigil-sec/vigil/model"
)

// redshiftLogging is what DescribeLoggingStatus says, without metadata.
func redshiftLogging(o *redshift.DescribeLoggingStatusOutput) []any {
	return []any{o.LoggingEnabled, o.LogDestinationType, o.BucketName, o.S3KeyPrefix, o.LogExports,
		o.LastSuccessfulDeliveryTime, o.LastFailureTime, o.LastFailureMessage}
}

func TestRedshiftOperations(t *testing.T) {
	w := fragmentWorld(t, "redshift")
	rw := w.Account(fragmentAccount).worldOf("redshift", "us-east-1").(*redshiftWorld)
	cfg, _ := testCloud(t, w)
	client := redshift.NewFromConfig(cfg)
	ctx := context.Background()

	out, err := client.DescribeClusters(ctx, &redshift.DescribeClustersInput{})
	if err != nil {
		t.Fatal(err)
	}
	var want []redshifttypes.Cluster
	for _, c := range rw.Clusters {
		want = append(want, c.Cluster)
	}
	sameJSON(t, "DescribeClusters", out.Clusters, want)
	one, err := client.DescribeClusters(ctx, &redshift.DescribeClustersInput{ClusterIdentifier: aws.String("finance-dw")})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeClusters finance-dw", one.Clusters, want[1:2])

	for _, c := range rw.Clusters {
		ls, err := client.DescribeLoggingStatus(ctx, &redshift.DescribeLoggingStatusInput{ClusterIdentifier: c.ClusterIdentifier})
		if err != nil {
			t.Fatal(err)
		}
		wantLog := c.Logging
		if wantLog == nil {
			// No logging in the world: AWS answers LoggingEnabled false.
			wantLog = &redshift.DescribeLoggingStatusOutput{LoggingEnabled: aws.Bool(false)}
		}
		sameJSON(t, "DescribeLoggingStatus "+*c.ClusterIdentifier, redshiftLogging(ls), redshiftLogging(wantLog))
	}

	_, err = client.DescribeClusters(ctx, &redshift.DescribeClustersInput{ClusterIdentifier: aws.String("nope")})
	if code := apiCode(err); code != "ClusterNotFound" {
		t.Errorf("a missing cluster: %q", code)
	}
	_, err = client.DescribeLoggingStatus(ctx, &redshift.DescribeLoggingStatusInput{ClusterIdentifier: aws.String("nope")})
	if code := apiCode(err); code != "ClusterNotFound" {
		t.Errorf("logging of a missing cluster: %q", code)
	}
	_, err = client.DescribeClusters(ctx, &redshift.DescribeClustersInput{MaxRecords: aws.Int32(101)})
	if code := apiCode(err); code != "InvalidParameterValue" {
		t.Errorf("MaxRecords 101: %q", code)
	}
}

// DescribeClusters pages 100 clusters by default, or MaxRecords.
func TestRedshiftPages(t *testing.T) {
	w := fragmentWorld(t, "redshift")
	big := &redshiftWorld{}
	for i := range 150 {
		big.Clusters = append(big.Clusters, redshiftCluster{Cluster: redshifttypes.Cluster{ClusterIdentifier: aws.String(fmt.Sprintf("dw-%03d", i))}})
	}
	w.Account(fragmentAccount).Set("us-east-1", "redshift", big)
	cfg, _ := testCloud(t, w)
	client := redshift.NewFromConfig(cfg)
	for _, tc := range []struct {
		max   int32
		pages string
	}{{0, "[100 50]"}, {20, "[20 20 20 20 20 20 20 10]"}} {
		in := &redshift.DescribeClustersInput{}
		if tc.max > 0 {
			in.MaxRecords = aws.Int32(tc.max)
		}
		var sizes []int
		var last string
		p := redshift.NewDescribeClustersPaginator(client, in)
		for p.HasMorePages() {
			page, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, len(page.Clusters))
			last = aws.ToString(page.Clusters[len(page.Clusters)-1].ClusterIdentifier)
		}
		if fmt.Sprint(sizes) != tc.pages || last != "dw-149" {
			t.Errorf("MaxRecords %d: pages %v, last %s", tc.max, sizes, last)
		}
	}
}

func TestRedshiftCollector(t *testing.T) {
	w := fragmentWorld(t, "redshift")
	res, srv := collect(t, w, "redshift")
	if st := srv.Stats(); len(st.Unhandled) > 0 {
		t.Errorf("unhandled: %v", st.Unhandled)
	}
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	clusters := byKind(res.Resources)["aws.redshift.cluster"]
	for name, want := range map[string]model.RedshiftCluster{
		"analytics-dw": {Encrypted: false, PubliclyAccessible: true, LoggingEnabled: false, SnapshotRetention: 1,
			MasterUsername: "awsuser", DBName: "dev", Port: 5439},
		"finance-dw": {Encrypted: true, PubliclyAccessible: false, LoggingEnabled: true, EnhancedVPCRouting: true,
			AllowVersionUpgrade: true, SnapshotRetention: 14, MasterUsername: "finadmin", DBName: "finance", Port: 15439},
		"events-dw": {Encrypted: true, PubliclyAccessible: false, LoggingEnabled: true},
	} {
		r := clusters[name]
		if r == nil || *r.Attributes.(*model.RedshiftCluster) != want {
			t.Errorf("%s: %+v, want %+v", name, r, want)
		}
	}
	// events-dw's answer leaves these out: unknown, not their zero value.
	if ev := clusters["events-dw"]; ev != nil {
		for _, p := range []string{"enhanced_vpc_routing", "allow_version_upgrade", "automated_snapshot_retention_period", "master_username", "db_name", "port"} {
			if !ev.IsUnknown(p) {
				t.Errorf("events-dw %s should be unknown: %v", p, ev.Unknown)
			}
		}
	}
	if fin := clusters["finance-dw"]; fin != nil && len(fin.Unknown) > 0 {
		t.Errorf("finance-dw unknown: %v", fin.Unknown)
	}
	if len(clusters) != 3 {
		t.Errorf("%d clusters", len(clusters))
	}
	fin := clusters["finance-dw"]
	if fin == nil || fin.ID != "arn:aws:redshift:us-east-1:111111111111:cluster:finance-dw" || fin.Tags["team"] != "finance" || len(fin.Relations) != 2 {
		t.Errorf("finance-dw: %+v", fin)
	}
}
