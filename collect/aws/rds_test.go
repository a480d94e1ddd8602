package aws

import (
	"context"
	"sort"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	rdstypes "github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedRDS creates a public unencrypted instance and a private encrypted
// twin, an Aurora cluster with one member, and two manual snapshots, one
// shared with everyone, and event subscriptions sending the critical
// events of every instance and the changes of every parameter group.
func seedRDS(t *testing.T, srv *moto.Server) {
	t.Helper()
	client := rds.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(client.CreateDBInstance(ctx, &rds.CreateDBInstanceInput{
		DBInstanceIdentifier: aws.String("open-db"), Engine: aws.String("postgres"), DBInstanceClass: aws.String("db.t3.micro"),
		AllocatedStorage: aws.Int32(20), MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("password123"),
		PubliclyAccessible: aws.Bool(true), StorageEncrypted: aws.Bool(false), BackupRetentionPeriod: aws.Int32(1),
		AutoMinorVersionUpgrade: aws.Bool(false), Tags: []rdstypes.Tag{{Key: aws.String("team"), Value: aws.String("data")}},
	}))
	must(client.CreateDBInstance(ctx, &rds.CreateDBInstanceInput{
		DBInstanceIdentifier: aws.String("closed-db"), Engine: aws.String("postgres"), DBInstanceClass: aws.String("db.t3.micro"),
		AllocatedStorage: aws.Int32(20), MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("password123"),
		PubliclyAccessible: aws.Bool(false), StorageEncrypted: aws.Bool(true), KmsKeyId: aws.String("alias/aws/rds"),
		BackupRetentionPeriod: aws.Int32(14), DeletionProtection: aws.Bool(true), MultiAZ: aws.Bool(true),
		EnableIAMDatabaseAuthentication: aws.Bool(true), AutoMinorVersionUpgrade: aws.Bool(true),
		EnablePerformanceInsights: aws.Bool(true), EnableCloudwatchLogsExports: []string{"postgresql", "upgrade"},
		CopyTagsToSnapshot: aws.Bool(true),
	}))
	must(client.CreateDBCluster(ctx, &rds.CreateDBClusterInput{
		DBClusterIdentifier: aws.String("aurora"), Engine: aws.String("aurora-postgresql"),
		MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("password123"),
		StorageEncrypted: aws.Bool(false), BackupRetentionPeriod: aws.Int32(3),
	}))
	must(client.CreateDBInstance(ctx, &rds.CreateDBInstanceInput{
		DBInstanceIdentifier: aws.String("aurora-1"), Engine: aws.String("aurora-postgresql"), DBInstanceClass: aws.String("db.r5.large"),
		DBClusterIdentifier: aws.String("aurora"),
	}))
	must(client.CreateDBSnapshot(ctx, &rds.CreateDBSnapshotInput{DBInstanceIdentifier: aws.String("open-db"), DBSnapshotIdentifier: aws.String("shared-snap")}))
	must(client.CreateDBSnapshot(ctx, &rds.CreateDBSnapshotInput{DBInstanceIdentifier: aws.String("closed-db"), DBSnapshotIdentifier: aws.String("private-snap")}))
	must(client.ModifyDBSnapshotAttribute(ctx, &rds.ModifyDBSnapshotAttributeInput{
		DBSnapshotIdentifier: aws.String("shared-snap"), AttributeName: aws.String("restore"), ValuesToAdd: []string{"all"}}))
	must(client.CreateDBClusterSnapshot(ctx, &rds.CreateDBClusterSnapshotInput{DBClusterIdentifier: aws.String("aurora"), DBClusterSnapshotIdentifier: aws.String("shared-cluster-snap")}))
	must(client.CreateDBClusterSnapshot(ctx, &rds.CreateDBClusterSnapshotInput{DBClusterIdentifier: aws.String("aurora"), DBClusterSnapshotIdentifier: aws.String("private-cluster-snap")}))
	must(client.ModifyDBClusterSnapshotAttribute(ctx, &rds.ModifyDBClusterSnapshotAttributeInput{
		DBClusterSnapshotIdentifier: aws.String("shared-cluster-snap"), AttributeName: aws.String("restore"), ValuesToAdd: []string{"all"}}))
	must(client.CreateEventSubscription(ctx, &rds.CreateEventSubscriptionInput{
		SubscriptionName: aws.String("db-events"), SnsTopicArn: aws.String("arn:aws:sns:us-east-1:123456789012:db-alerts"),
		SourceType: aws.String("db-instance"), EventCategories: []string{"maintenance", "configuration change", "failure"}, Enabled: aws.Bool(true),
	}))
	must(client.CreateEventSubscription(ctx, &rds.CreateEventSubscriptionInput{
		SubscriptionName: aws.String("parameter-group-changes"), SnsTopicArn: aws.String("arn:aws:sns:us-east-1:123456789012:db-alerts"),
		SourceType: aws.String("db-parameter-group"), EventCategories: []string{"configuration change"}, Enabled: aws.Bool(true),
	}))
}

func TestRDSAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedRDS(t, srv)
	res := collectMoto(t, srv, []string{"rds"})
	noErrors(t, res)

	insts := byKind(res, "aws.rds.instance")
	open, closed, member := insts["open-db"], insts["closed-db"], insts["aurora-1"]
	if open == nil || closed == nil || member == nil {
		t.Fatalf("instances: %v", insts)
	}
	if open.ID != "arn:aws:rds:us-east-1:123456789012:db:open-db" || open.Tags["team"] != "data" || len(open.Raw) == 0 {
		t.Errorf("identity: %+v", open)
	}
	oa := open.Attributes.(*model.RDSInstance)
	if !oa.PubliclyAccessible || oa.StorageEncrypted || oa.Engine != "postgres" || oa.InstanceClass != "db.t3.micro" ||
		oa.BackupRetentionPeriod != 1 || oa.ClusterIdentifier != "" || oa.AutoMinorVersionUpgrade {
		t.Errorf("open-db: %+v", oa)
	}
	ca := closed.Attributes.(*model.RDSInstance)
	if ca.PubliclyAccessible || !ca.StorageEncrypted || ca.KMSKeyID == "" || ca.BackupRetentionPeriod != 14 ||
		!ca.DeletionProtection || !ca.MultiAZ || !ca.IAMAuthenticationEnabled || !ca.AutoMinorVersionUpgrade {
		t.Errorf("closed-db: %+v", ca)
	}
	// moto (5.x) keeps no MonitoringInterval: it answers 0, Enhanced
	// Monitoring off, whatever was asked; the test cloud covers it.
	if !ca.CopyTagsToSnapshot || len(ca.CloudWatchLogsExports) != 2 ||
		oa.CopyTagsToSnapshot || oa.MonitoringInterval != 0 || len(oa.CloudWatchLogsExports) != 0 {
		t.Errorf("log exports, copied tags, Enhanced Monitoring: open-db %+v, closed-db %+v", oa, ca)
	}
	if oa.MasterUsername != "admin" || oa.Port == 0 {
		t.Errorf("open-db master user and port: %q %d", oa.MasterUsername, oa.Port)
	}
	if ma := member.Attributes.(*model.RDSInstance); ma.ClusterIdentifier != "aurora" || ma.BackupRetentionPeriod != 0 {
		t.Errorf("aurora-1: %+v", ma)
	}
	if sub := byKind(res, "aws.rds.event_subscription")["db-events"]; sub == nil {
		t.Errorf("no event subscription")
	} else if a := sub.Attributes.(*model.RDSEventSubscription); !a.Enabled || a.SourceType != "db-instance" || len(a.SourceIDs) != 0 ||
		len(a.EventCategories) != 3 || a.SNSTopicARN != "arn:aws:sns:us-east-1:123456789012:db-alerts" {
		t.Errorf("event subscription: %+v", a)
	}
	clusters := byKind(res, "aws.rds.cluster")
	if c := clusters["aurora"]; c == nil {
		t.Errorf("clusters: %v", clusters)
	} else if a := c.Attributes.(*model.RDSCluster); a.StorageEncrypted || a.Engine != "aurora-postgresql" || a.BackupRetentionPeriod != 3 {
		t.Errorf("cluster: %+v", a)
	}
	snaps := byKind(res, "aws.rds.snapshot")
	if s := snaps["shared-snap"]; s == nil || !s.Attributes.(*model.RDSSnapshot).Public {
		t.Errorf("shared-snap: %+v", s)
	}
	if s := snaps["private-snap"]; s == nil || s.Attributes.(*model.RDSSnapshot).Public || !s.Attributes.(*model.RDSSnapshot).Encrypted {
		t.Errorf("private-snap: %+v", s)
	}

	csnaps := byKind(res, "aws.rds.cluster_snapshot")
	if s := csnaps["shared-cluster-snap"]; s == nil || !s.Attributes.(*model.RDSSnapshot).Public || s.Attributes.(*model.RDSSnapshot).Encrypted {
		t.Errorf("shared-cluster-snap: %+v", s)
	}
	if s := csnaps["private-cluster-snap"]; s == nil || s.Attributes.(*model.RDSSnapshot).Public {
		t.Errorf("private-cluster-snap: %+v", s)
	}

	fails := failing(t, res.Resources)
	if !fails["shared-cluster-snap"]["AWS-RDS-027"] || fails["private-cluster-snap"]["AWS-RDS-027"] || !fails["shared-cluster-snap"]["AWS-RDS-028"] {
		t.Errorf("cluster snapshots: shared %v, private %v", fails["shared-cluster-snap"], fails["private-cluster-snap"])
	}
	for _, id := range []string{"AWS-RDS-001", "AWS-RDS-002", "AWS-RDS-003", "AWS-RDS-004", "AWS-RDS-006", "AWS-RDS-008", "AWS-RDS-020", "AWS-RDS-022"} {
		if !fails["open-db"][id] || fails["closed-db"][id] {
			t.Errorf("%s: open-db %v, closed-db %v", id, fails["open-db"], fails["closed-db"])
		}
	}
	// Aurora members are judged through their cluster.
	for _, id := range []string{"AWS-RDS-001", "AWS-RDS-003", "AWS-RDS-004", "AWS-RDS-008"} {
		if fails["aurora-1"][id] {
			t.Errorf("aurora member fails %s", id)
		}
	}
	if !fails["aurora"]["AWS-RDS-007"] || !fails["aurora"]["AWS-RDS-003"] {
		t.Errorf("cluster: %v", fails["aurora"])
	}
}

// TestRDSTerraformAgreesWithLive maps the Terraform twin of the seeded
// instances and checks that the same rules fail on both sources.
func TestRDSTerraformAgreesWithLive(t *testing.T) {
	srv := moto.Start(t)
	seedRDS(t, srv)
	res := collectMoto(t, srv, []string{"rds"})
	noErrors(t, res)

	tf := `
resource "aws_db_instance" "open" {
  identifier              = "open-db"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "admin"
  password                = "password123"
  publicly_accessible     = true
  storage_encrypted       = false
  backup_retention_period = 1
  auto_minor_version_upgrade = false
}

resource "aws_db_instance" "closed" {
  identifier                          = "closed-db"
  engine                              = "postgres"
  instance_class                      = "db.t3.micro"
  allocated_storage                   = 20
  username                            = "admin"
  password                            = "password123"
  publicly_accessible                 = false
  storage_encrypted                   = true
  kms_key_id                          = "alias/aws/rds"
  backup_retention_period             = 14
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
  performance_insights_enabled        = true
  enabled_cloudwatch_logs_exports     = ["postgresql", "upgrade"]
  copy_tags_to_snapshot               = true
}

resource "aws_db_event_subscription" "db" {
  name             = "db-events"
  sns_topic        = "arn:aws:sns:us-east-1:123456789012:db-alerts"
  source_type      = "db-instance"
  event_categories = ["maintenance", "configuration change", "failure"]
}

resource "aws_db_event_subscription" "parameter_groups" {
  name             = "parameter-group-changes"
  sns_topic        = "arn:aws:sns:us-east-1:123456789012:db-alerts"
  source_type      = "db-parameter-group"
  event_categories = ["configuration change"]
}
`
	tfResources := loadTerraform(t, tf)
	var live []*model.Resource
	for _, r := range res.Resources {
		if r.Kind == "aws.rds.instance" && (r.Name == "open-db" || r.Name == "closed-db") || r.Kind == "aws.rds.event_subscription" {
			live = append(live, r)
		}
	}
	liveFails, tfFails := failing(t, live), failing(t, tfResources)
	for _, name := range []string{"open-db", "closed-db"} {
		l, f := ruleIDs(liveFails[name]), ruleIDs(tfFails[name])
		if len(l) == 0 && name == "open-db" {
			t.Errorf("live open-db fails nothing")
		}
		if !slicesEqual(l, f) {
			t.Errorf("%s: live fails %v, terraform fails %v", name, l, f)
		}
	}
}

func ruleIDs(m map[string]bool) []string {
	out := []string{}
	for id := range m {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
