package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/redshift"
	rstypes "github.com/aws/aws-sdk-go-v2/service/redshift/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestRedshiftAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := redshift.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	for _, in := range []*redshift.CreateClusterInput{
		{ClusterIdentifier: aws.String("exposed"), NodeType: aws.String("ra3.xlplus"), MasterUsername: aws.String("admin"),
			MasterUserPassword: aws.String("Passw0rd!"), ClusterType: aws.String("single-node"),
			Encrypted: aws.Bool(false), PubliclyAccessible: aws.Bool(true),
			Tags: []rstypes.Tag{{Key: aws.String("team"), Value: aws.String("bi")}}},
		{ClusterIdentifier: aws.String("private"), NodeType: aws.String("ra3.xlplus"), MasterUsername: aws.String("admin"),
			MasterUserPassword: aws.String("Passw0rd!"), ClusterType: aws.String("single-node"),
			Encrypted: aws.Bool(true), PubliclyAccessible: aws.Bool(false),
			DBName: aws.String("sales"), Port: aws.Int32(15439), AllowVersionUpgrade: aws.Bool(false),
			AutomatedSnapshotRetentionPeriod: aws.Int32(10), EnhancedVpcRouting: aws.Bool(true)},
	} {
		if _, err := client.CreateCluster(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := client.EnableLogging(ctx, &redshift.EnableLoggingInput{ClusterIdentifier: aws.String("private"),
		BucketName: aws.String("audit-logs")}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"redshift"})
	noErrors(t, res)
	clusters := byKind(res, "aws.redshift.cluster")
	if len(clusters) != 2 {
		t.Fatalf("want 2 clusters, got %d", len(clusters))
	}
	exposed, private := clusters["exposed"], clusters["private"]
	if a := exposed.Attributes.(*model.RedshiftCluster); a.Encrypted || !a.PubliclyAccessible || a.LoggingEnabled ||
		exposed.ID != "arn:aws:redshift:us-east-1:123456789012:cluster:exposed" || exposed.Tags["team"] != "bi" || len(exposed.Raw) == 0 {
		t.Errorf("exposed: %+v %+v", exposed, a)
	}
	if a := private.Attributes.(*model.RedshiftCluster); !a.Encrypted || a.PubliclyAccessible || !a.LoggingEnabled {
		t.Errorf("private: %+v", a)
	}
	// AWS's defaults for what "exposed" did not set; "private" set them.
	if a := exposed.Attributes.(*model.RedshiftCluster); a.DBName != "dev" || a.Port != 5439 || !a.AllowVersionUpgrade ||
		a.SnapshotRetention != 1 || a.EnhancedVPCRouting || a.MasterUsername != "admin" {
		t.Errorf("exposed defaults: %+v (unknown %v)", a, exposed.Unknown)
	}
	if a := private.Attributes.(*model.RedshiftCluster); a.DBName != "sales" || a.Port != 15439 || a.AllowVersionUpgrade ||
		a.SnapshotRetention != 10 || !a.EnhancedVPCRouting {
		t.Errorf("private settings: %+v (unknown %v)", a, private.Unknown)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-REDSHIFT-001", "AWS-REDSHIFT-002", "AWS-REDSHIFT-021", "AWS-REDSHIFT-023", "AWS-REDSHIFT-025", "AWS-REDSHIFT-026"} {
		if !fails["exposed"][id] || fails["private"][id] {
			t.Errorf("%s: %v", id, fails)
		}
	}
}
