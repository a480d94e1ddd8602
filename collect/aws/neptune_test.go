package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedEngineClusters creates, through the RDS API they share, an Aurora
// cluster and an open and a closed Neptune cluster. moto refuses the
// docdb engine, so DocumentDB is tested against the test cloud only
// (internal/testcloud/aws).
func seedEngineClusters(t *testing.T, srv *moto.Server) {
	t.Helper()
	client := rds.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	must(client.CreateDBCluster(ctx, &rds.CreateDBClusterInput{
		DBClusterIdentifier: aws.String("aurora"), Engine: aws.String("aurora-postgresql"),
		MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("password123"),
	}))
	for _, e := range []string{"neptune"} {
		must(client.CreateDBCluster(ctx, &rds.CreateDBClusterInput{
			DBClusterIdentifier: aws.String(e + "-open"), Engine: aws.String(e),
			MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("password123"),
			StorageEncrypted: aws.Bool(false), BackupRetentionPeriod: aws.Int32(1),
		}))
		logs := []string{"audit", "slowquery"}
		must(client.CreateDBCluster(ctx, &rds.CreateDBClusterInput{
			DBClusterIdentifier: aws.String(e + "-closed"), Engine: aws.String(e),
			MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("password123"),
			StorageEncrypted: aws.Bool(true), BackupRetentionPeriod: aws.Int32(14), DeletionProtection: aws.Bool(true),
			EnableCloudwatchLogsExports: logs,
			// moto refuses IAM authentication on what it takes for a
			// Multi-AZ cluster; the test cloud covers AWS-NEPTUNE-005.
		}))
	}
}

func TestNeptuneAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedEngineClusters(t, srv)
	res := collectMoto(t, srv, []string{"docdb", "neptune", "rds"})
	// DocumentDB's filter is sent and answered: no cluster of another
	// engine is taken for a DocumentDB one.
	noErrors(t, res)

	if cl := byKind(res, "aws.rds.cluster"); len(cl) != 1 || cl["aurora"] == nil {
		t.Errorf("RDS clusters: want aurora only, have %v", cl)
	}
	if docdb := byKind(res, "aws.docdb.cluster"); len(docdb) != 0 {
		t.Errorf("docdb clusters: %v", docdb)
	}
	nep := byKind(res, "aws.neptune.cluster")
	if len(nep) != 2 {
		t.Fatalf("neptune clusters: %v", nep)
	}
	if a := nep["neptune-closed"].Attributes.(*model.NeptuneCluster); !a.StorageEncrypted || a.BackupRetentionPeriod != 14 || !a.DeletionProtection || len(a.LogExports) != 2 {
		t.Errorf("neptune-closed: %+v", a)
	}

	fails := failing(t, res.Resources)
	for _, c := range []struct {
		open, closed string
		ids          []string
	}{
		{"neptune-open", "neptune-closed", []string{"AWS-NEPTUNE-001", "AWS-NEPTUNE-002", "AWS-NEPTUNE-003", "AWS-NEPTUNE-004"}},
	} {
		for _, id := range c.ids {
			if !fails[c.open][id] || fails[c.closed][id] {
				t.Errorf("%s: %s %v, %s %v", id, c.open, fails[c.open], c.closed, fails[c.closed])
			}
		}
	}
}
