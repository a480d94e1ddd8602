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
	want := model.RDSInstance{Engine: "postgres", BackupRetentionPeriod: 1, AutoMinorVersionUpgrade: true, CloudWatchLogsExports: []string{}}
	if !reflect.DeepEqual(*a, want) {
		t.Errorf("defaults:\n got %+v\nwant %+v", *a, want)
	}
	if r.Name != "orders" {
		t.Errorf("name %q", r.Name)
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
