package aws

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	rdstypes "github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

func TestRDSOperations(t *testing.T) {
	w := fragmentWorld(t, "rds")
	rw := w.Account(fragmentAccount).worldOf("rds", "us-east-1").(*rdsWorld)
	cfg, _ := testCloud(t, w)
	client := rds.NewFromConfig(cfg)
	ctx := context.Background()

	dbs, err := client.DescribeDBInstances(ctx, &rds.DescribeDBInstancesInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeDBInstances", dbs.DBInstances, rw.Instances)
	if dbs.Marker != nil {
		t.Errorf("one page has no marker: %q", *dbs.Marker)
	}
	one, err := client.DescribeDBInstances(ctx, &rds.DescribeDBInstancesInput{DBInstanceIdentifier: aws.String("orders-postgres")})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeDBInstances orders-postgres", one.DBInstances, rw.Instances[1:2])

	cls, err := client.DescribeDBClusters(ctx, &rds.DescribeDBClustersInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeDBClusters", cls.DBClusters, rw.Clusters)

	// Manual snapshots only; one left without ARN and type gets AWS's.
	snaps, err := client.DescribeDBSnapshots(ctx, &rds.DescribeDBSnapshotsInput{SnapshotType: aws.String("manual")})
	if err != nil {
		t.Fatal(err)
	}
	want := []rdstypes.DBSnapshot{rw.Snapshots[0].DBSnapshot, rw.Snapshots[1].DBSnapshot, rw.Snapshots[2].DBSnapshot}
	want[2].DBSnapshotArn = aws.String("arn:aws:rds:us-east-1:111111111111:snapshot:orders-postgres-pre-migration")
	want[2].SnapshotType = aws.String("manual")
	sameJSON(t, "DescribeDBSnapshots manual", snaps.DBSnapshots, want)
	all, err := client.DescribeDBSnapshots(ctx, &rds.DescribeDBSnapshotsInput{})
	if err != nil || len(all.DBSnapshots) != 4 {
		t.Errorf("every type of snapshot: %v %v", all, err)
	}

	for _, tc := range []struct {
		id     string
		values []string
	}{
		{"legacy-mysql-before-upgrade", []string{"all"}},
		{"orders-postgres-2024-06-01", []string{"222222222222"}},
		{"orders-postgres-pre-migration", []string{}}, // never shared
	} {
		out, err := client.DescribeDBSnapshotAttributes(ctx, &rds.DescribeDBSnapshotAttributesInput{DBSnapshotIdentifier: aws.String(tc.id)})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "DescribeDBSnapshotAttributes "+tc.id, out.DBSnapshotAttributesResult, &rdstypes.DBSnapshotAttributesResult{
			DBSnapshotIdentifier: aws.String(tc.id),
			DBSnapshotAttributes: []rdstypes.DBSnapshotAttribute{{AttributeName: aws.String("restore"), AttributeValues: tc.values}},
		})
	}

	for _, tc := range []struct {
		what string
		call func() error
		code string
	}{
		{"a missing instance", func() error {
			_, err := client.DescribeDBInstances(ctx, &rds.DescribeDBInstancesInput{DBInstanceIdentifier: aws.String("nope")})
			return err
		}, "DBInstanceNotFound"},
		{"a missing cluster", func() error {
			_, err := client.DescribeDBClusters(ctx, &rds.DescribeDBClustersInput{DBClusterIdentifier: aws.String("nope")})
			return err
		}, "DBClusterNotFoundFault"},
		{"a missing snapshot", func() error {
			_, err := client.DescribeDBSnapshotAttributes(ctx, &rds.DescribeDBSnapshotAttributesInput{DBSnapshotIdentifier: aws.String("nope")})
			return err
		}, "DBSnapshotNotFound"},
		{"MaxRecords below 20", func() error {
			_, err := client.DescribeDBInstances(ctx, &rds.DescribeDBInstancesInput{MaxRecords: aws.Int32(5)})
			return err
		}, "InvalidParameterValue"},
	} {
		if code := apiCode(tc.call()); code != tc.code {
			t.Errorf("%s: %q, want %s", tc.what, code, tc.code)
		}
	}
}

// RDS pages 100 records by default, or MaxRecords (20 to 100).
func TestRDSPages(t *testing.T) {
	w := fragmentWorld(t, "rds")
	big := &rdsWorld{}
	for i := range 230 {
		id := fmt.Sprintf("db-%03d", i)
		big.Instances = append(big.Instances, rdstypes.DBInstance{DBInstanceIdentifier: aws.String(id)})
		big.Clusters = append(big.Clusters, rdstypes.DBCluster{DBClusterIdentifier: aws.String(id)})
		big.Snapshots = append(big.Snapshots, rdsSnapshot{DBSnapshot: rdstypes.DBSnapshot{DBSnapshotIdentifier: aws.String(id)}})
	}
	w.Account(fragmentAccount).Set("us-east-1", "rds", big)
	cfg, _ := testCloud(t, w)
	client := rds.NewFromConfig(cfg)
	ctx := context.Background()
	for _, tc := range []struct {
		max   int32
		pages string
	}{{0, "[100 100 30]"}, {40, "[40 40 40 40 40 30]"}} {
		var in *int32
		if tc.max > 0 {
			in = aws.Int32(tc.max)
		}
		var sizes [3][]int
		var last [3]string
		p := rds.NewDescribeDBInstancesPaginator(client, &rds.DescribeDBInstancesInput{MaxRecords: in})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			sizes[0] = append(sizes[0], len(page.DBInstances))
			last[0] = aws.ToString(page.DBInstances[len(page.DBInstances)-1].DBInstanceArn)
		}
		pc := rds.NewDescribeDBClustersPaginator(client, &rds.DescribeDBClustersInput{MaxRecords: in})
		for pc.HasMorePages() {
			page, err := pc.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			sizes[1] = append(sizes[1], len(page.DBClusters))
			last[1] = aws.ToString(page.DBClusters[len(page.DBClusters)-1].DBClusterArn)
		}
		ps := rds.NewDescribeDBSnapshotsPaginator(client, &rds.DescribeDBSnapshotsInput{MaxRecords: in, SnapshotType: aws.String("manual")})
		for ps.HasMorePages() {
			page, err := ps.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			sizes[2] = append(sizes[2], len(page.DBSnapshots))
			last[2] = aws.ToString(page.DBSnapshots[len(page.DBSnapshots)-1].DBSnapshotArn)
		}
		for i, kind := range []string{"db", "cluster", "snapshot"} {
			if fmt.Sprint(sizes[i]) != tc.pages || last[i] != "arn:aws:rds:us-east-1:111111111111:"+kind+":db-229" {
				t.Errorf("MaxRecords %d, %ss: pages %v, last %s", tc.max, kind, sizes[i], last[i])
			}
		}
	}
	_, err := client.DescribeDBInstances(ctx, &rds.DescribeDBInstancesInput{Marker: aws.String("garbage")})
	if apiCode(err) == "" {
		t.Error("an invalid marker is refused")
	}
}

// The collector reads instances, clusters and manual snapshots with their
// restore attribute, and judges from what the world says.
func TestRDSCollector(t *testing.T) {
	w := fragmentWorld(t, "rds")
	res, srv := collect(t, w, "rds")
	if st := srv.Stats(); len(st.Unhandled) > 0 {
		t.Errorf("unhandled: %v", st.Unhandled)
	}
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	kinds := byKind(res.Resources)
	if len(kinds["aws.rds.instance"]) != 3 || len(kinds["aws.rds.cluster"]) != 3 || len(kinds["aws.rds.snapshot"]) != 3 {
		t.Fatalf("resources: %d instances, %d clusters, %d snapshots (the automated one is not collected)",
			len(kinds["aws.rds.instance"]), len(kinds["aws.rds.cluster"]), len(kinds["aws.rds.snapshot"]))
	}

	legacy := kinds["aws.rds.instance"]["legacy-mysql"]
	la := legacy.Attributes.(*model.RDSInstance)
	if !la.PubliclyAccessible || la.StorageEncrypted || la.MultiAZ || la.BackupRetentionPeriod != 1 || la.DeletionProtection ||
		la.Engine != "mysql" || la.EngineVersion != "5.7.44" || legacy.ID != "arn:aws:rds:us-east-1:111111111111:db:legacy-mysql" ||
		legacy.Tags["team"] != "legacy" {
		t.Errorf("legacy-mysql: %+v %+v", legacy, la)
	}
	orders := kinds["aws.rds.instance"]["orders-postgres"]
	oa := orders.Attributes.(*model.RDSInstance)
	if oa.PubliclyAccessible || !oa.StorageEncrypted || !oa.MultiAZ || oa.BackupRetentionPeriod != 14 || !oa.DeletionProtection ||
		!oa.IAMAuthenticationEnabled || !oa.PerformanceInsightsEnabled || oa.KMSKeyID == "" || len(orders.Relations) != 3 {
		t.Errorf("orders-postgres: %+v %+v", orders, oa)
	}
	if la.CopyTagsToSnapshot || la.MonitoringInterval != 0 || la.CloudWatchLogsExports == nil || len(la.CloudWatchLogsExports) != 0 {
		t.Errorf("legacy-mysql depth: %+v", la)
	}
	if !oa.CopyTagsToSnapshot || oa.MonitoringInterval != 60 || !slices.Equal(oa.CloudWatchLogsExports, []string{"postgresql", "upgrade"}) {
		t.Errorf("orders-postgres depth: %+v", oa)
	}
	member := kinds["aws.rds.instance"]["billing-aurora-1"].Attributes.(*model.RDSInstance)
	if member.ClusterIdentifier != "billing-aurora" || member.BackupRetentionPeriod != 0 || member.MonitoringInterval != 30 {
		t.Errorf("aurora member: %+v", member)
	}

	if c := kinds["aws.rds.cluster"]["reports-aurora"].Attributes.(*model.RDSCluster); c.StorageEncrypted || c.DeletionProtection || c.BackupRetentionPeriod != 1 {
		t.Errorf("reports-aurora: %+v", c)
	}
	if c := kinds["aws.rds.cluster"]["billing-aurora"].Attributes.(*model.RDSCluster); !c.StorageEncrypted || !c.DeletionProtection || !c.IAMAuthenticationEnabled ||
		!c.CopyTagsToSnapshot || !slices.Equal(c.CloudWatchLogsExports, []string{"postgresql"}) {
		t.Errorf("billing-aurora: %+v", c)
	}
	if c := kinds["aws.rds.cluster"]["ledger-aurora"].Attributes.(*model.RDSCluster); c.BacktrackWindow != 86400 || c.Engine != "aurora-mysql" ||
		!slices.Equal(c.CloudWatchLogsExports, []string{"audit", "error", "slowquery"}) {
		t.Errorf("ledger-aurora: %+v", c)
	}

	for name, want := range map[string]model.RDSSnapshot{
		"legacy-mysql-before-upgrade":   {Encrypted: false, Public: true},
		"orders-postgres-2024-06-01":    {Encrypted: true, Public: false},
		"orders-postgres-pre-migration": {Encrypted: true, Public: false},
	} {
		r := kinds["aws.rds.snapshot"][name]
		if r == nil || *r.Attributes.(*model.RDSSnapshot) != want {
			t.Errorf("snapshot %s: %+v, want %+v", name, r, want)
		}
	}
	for name, want := range map[string]model.RDSSnapshot{
		"billing-aurora-export":         {Encrypted: false, Public: true},
		"billing-aurora-before-upgrade": {Encrypted: true, Public: false},
	} {
		r := kinds["aws.rds.cluster_snapshot"][name]
		if r == nil || *r.Attributes.(*model.RDSSnapshot) != want {
			t.Errorf("cluster snapshot %s: %+v, want %+v", name, r, want)
		}
	}
	if r := kinds["aws.rds.cluster_snapshot"]["billing-aurora-export"]; r != nil && r.ID != "arn:aws:rds:us-east-1:111111111111:cluster-snapshot:billing-aurora-export" {
		t.Errorf("cluster snapshot id %s", r.ID)
	}

	sub := kinds["aws.rds.event_subscription"]["ops-instance-events"]
	if sub == nil || sub.ID != "arn:aws:rds:us-east-1:111111111111:es:ops-instance-events" ||
		!slices.Contains(sub.Relations, model.Relation{Type: model.RelNotifies, Target: "arn:aws:sns:us-east-1:111111111111:ops-alerts"}) {
		t.Fatalf("event subscription: %+v", sub)
	}
	if a := sub.Attributes.(*model.RDSEventSubscription); !a.Enabled || a.SourceType != "db-instance" ||
		!slices.Equal(a.SourceIDs, []string{"orders-postgres", "billing-aurora-1"}) ||
		!slices.Equal(a.EventCategories, []string{"maintenance", "configuration change", "failure"}) {
		t.Errorf("ops-instance-events: %+v", a)
	}
	if a := kinds["aws.rds.event_subscription"]["all-instances-paused"].Attributes.(*model.RDSEventSubscription); a.Enabled || len(a.SourceIDs) != 0 {
		t.Errorf("all-instances-paused: %+v", a)
	}
	if la.Port != 3306 || la.MasterUsername != "admin" || oa.Port != 6432 || oa.MasterUsername != "orders" {
		t.Errorf("port and master user: legacy-mysql %d %s, orders-postgres %d %s", la.Port, la.MasterUsername, oa.Port, oa.MasterUsername)
	}
	if c := kinds["aws.rds.cluster"]["reports-aurora"].Attributes.(*model.RDSCluster); c.Port != 3306 || c.MasterUsername != "admin" {
		t.Errorf("reports-aurora port and master user: %d %s", c.Port, c.MasterUsername)
	}
	// Covered instances and clusters pass, the others fail; the disabled
	// subscription covers nothing.
	got := verdicts(t, rdsEngine(t), res.Resources)
	for k, want := range map[string]model.Status{
		"AWS-RDS-030 arn:aws:rds:us-east-1:111111111111:db:legacy-mysql":        model.StatusFail,
		"AWS-RDS-030 arn:aws:rds:us-east-1:111111111111:db:orders-postgres":     model.StatusPass,
		"AWS-RDS-031 arn:aws:rds:us-east-1:111111111111:cluster:billing-aurora": model.StatusPass,
		"AWS-RDS-031 arn:aws:rds:us-east-1:111111111111:cluster:reports-aurora": model.StatusFail,
	} {
		if got[k] != want {
			t.Errorf("%s: %q, want %q", k, got[k], want)
		}
	}
}

func rdsEngine(t *testing.T) *policy.Engine {
	t.Helper()
	e, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}
