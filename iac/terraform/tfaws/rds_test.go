package tfaws

import (
	"reflect"
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// mapKind maps insts and returns the resources of kind, failing when
// their number is not want.
func mapKind(t *testing.T, kind string, want int, insts ...*instance.Instance) []*model.Resource {
	t.Helper()
	var out []*model.Resource
	for _, r := range Map(insts, model.SourceTerraform) {
		if r.Kind == kind {
			out = append(out, r)
		}
	}
	if len(out) != want {
		t.Fatalf("want %d %s, got %d", want, kind, len(out))
	}
	return out
}

func TestDBInstanceDefaults(t *testing.T) {
	r := mapKind(t, "aws.rds.instance", 1, inst("aws_db_instance", "db", map[string]any{"identifier": "orders", "engine": "postgres"}, nil))[0]
	a := r.Attributes.(*model.RDSInstance)
	want := model.RDSInstance{Engine: "postgres", BackupRetentionPeriod: 1, AutoMinorVersionUpgrade: true, CloudWatchLogsExports: []string{}, Port: 5432}
	if !reflect.DeepEqual(*a, want) {
		t.Errorf("defaults:\n got %+v\nwant %+v", *a, want)
	}
	if r.Name != "orders" {
		t.Errorf("name %q", r.Name)
	}
	if !r.IsUnknown("master_username") || r.IsUnknown("port") {
		t.Errorf("unknown: %v", r.Unknown)
	}
}

func TestDBInstanceReplicaEncryptionUnknown(t *testing.T) {
	r := mapKind(t, "aws.rds.instance", 1, inst("aws_db_instance", "replica", map[string]any{"replicate_source_db": "orders"}, nil))[0]
	if !r.IsUnknown("storage_encrypted") {
		t.Errorf("a replica's encryption comes from its source: %v", r.Unknown)
	}
}

func TestAuroraMembers(t *testing.T) {
	cluster := inst("aws_rds_cluster", "aurora", map[string]any{"cluster_identifier": "aurora", "engine": "aurora-postgresql", "id": instance.Unknown}, nil)
	member := inst("aws_rds_cluster_instance", "one", map[string]any{"cluster_identifier": instance.Unknown, "publicly_accessible": true},
		map[string][]string{"cluster_identifier": {"aws_rds_cluster.aurora"}})
	rs := Map([]*instance.Instance{cluster, member}, model.SourceTerraform)
	if len(rs) != 2 {
		t.Fatalf("want cluster and member, got %d", len(rs))
	}
	for _, r := range rs {
		switch a := r.Attributes.(type) {
		case *model.RDSInstance:
			if a.ClusterIdentifier != "aws_rds_cluster.aurora" || !a.PubliclyAccessible || !a.AutoMinorVersionUpgrade {
				t.Errorf("member: %+v", a)
			}
		case *model.RDSCluster:
			if a.StorageEncrypted || a.BackupRetentionPeriod != 1 || a.DeletionProtection {
				t.Errorf("cluster defaults: %+v", a)
			}
		}
	}
	serverless := inst("aws_rds_cluster", "sl", map[string]any{"engine_mode": "serverless"}, nil)
	if a := mapKind(t, "aws.rds.cluster", 1, serverless)[0].Attributes.(*model.RDSCluster); !a.StorageEncrypted {
		t.Error("serverless v1 clusters are always encrypted")
	}
}

func TestDBEventSubscription(t *testing.T) {
	rs := Map([]*instance.Instance{
		inst("aws_db_event_subscription", "db", map[string]any{"name": "db-events", "sns_topic": "aws_sns_topic.alerts.arn",
			"source_type": "db-instance", "event_categories": []any{"failure"}}, map[string][]string{"sns_topic": {"aws_sns_topic.alerts"}}),
		inst("aws_db_event_subscription", "all", map[string]any{"name": "all-events", "sns_topic": "arn:aws:sns:us-east-1:111122223333:x"}, nil),
		inst("aws_sns_topic", "alerts", map[string]any{"name": "alerts"}, nil),
	}, model.SourceTerraform)
	subs := map[string]*model.Resource{}
	for _, r := range byKind(rs, "aws.rds.event_subscription") {
		subs[r.Name] = r
	}
	db, all := subs["db-events"], subs["all-events"]
	if db == nil || all == nil {
		t.Fatalf("subscriptions: %v", subs)
	}
	want := model.RDSEventSubscription{Enabled: true, SourceType: "db-instance", EventCategories: []string{"failure"}, SourceIDs: []string{}, SNSTopicARN: "main.tf:aws_sns_topic.alerts"}
	if a := db.Attributes.(*model.RDSEventSubscription); !reflect.DeepEqual(*a, want) || !hasRel(db, model.RelNotifies, "main.tf:aws_sns_topic.alerts") {
		t.Errorf("db-events: %+v %+v", *a, db.Relations)
	}
	// Unset: enabled, every source type, source and category.
	want = model.RDSEventSubscription{Enabled: true, EventCategories: []string{}, SourceIDs: []string{}, SNSTopicARN: "arn:aws:sns:us-east-1:111122223333:x"}
	if a := all.Attributes.(*model.RDSEventSubscription); !reflect.DeepEqual(*a, want) {
		t.Errorf("all-events: %+v", *a)
	}
}
