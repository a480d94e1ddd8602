package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glue"
	gluetypes "github.com/aws/aws-sdk-go-v2/service/glue/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedGlue leaves us-east-1's Data Catalog unencrypted and creates a
// security configuration that encrypts nothing, one that encrypts
// everything, a job without a configuration and one with the encrypting
// one; eu-west-1's catalog is encrypted.
func seedGlue(t *testing.T, srv *moto.Server) {
	t.Helper()
	ctx := context.Background()
	must := seeded(t)
	east := glue.NewFromConfig(srv.Config(t, "us-east-1"))
	key := aws.String("arn:aws:kms:us-east-1:123456789012:key/1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809")
	must(east.CreateSecurityConfiguration(ctx, &glue.CreateSecurityConfigurationInput{Name: aws.String("plain"),
		EncryptionConfiguration: &gluetypes.EncryptionConfiguration{S3Encryption: []gluetypes.S3Encryption{{S3EncryptionMode: gluetypes.S3EncryptionModeDisabled}}}}))
	must(east.CreateSecurityConfiguration(ctx, &glue.CreateSecurityConfigurationInput{Name: aws.String("sealed"),
		EncryptionConfiguration: &gluetypes.EncryptionConfiguration{
			S3Encryption:           []gluetypes.S3Encryption{{S3EncryptionMode: gluetypes.S3EncryptionModeSsekms, KmsKeyArn: key}},
			CloudWatchEncryption:   &gluetypes.CloudWatchEncryption{CloudWatchEncryptionMode: gluetypes.CloudWatchEncryptionModeSsekms, KmsKeyArn: key},
			JobBookmarksEncryption: &gluetypes.JobBookmarksEncryption{JobBookmarksEncryptionMode: gluetypes.JobBookmarksEncryptionModeCsekms, KmsKeyArn: key}}}))
	for name, cfg := range map[string]*string{"loose": nil, "tight": aws.String("sealed")} {
		must(east.CreateJob(ctx, &glue.CreateJobInput{Name: aws.String(name), Role: aws.String("arn:aws:iam::123456789012:role/glue"),
			Command: &gluetypes.JobCommand{Name: aws.String("glueetl"), ScriptLocation: aws.String("s3://scripts/" + name + ".py")}, SecurityConfiguration: cfg}))
	}
	west := glue.NewFromConfig(srv.Config(t, "eu-west-1"))
	must(west.PutDataCatalogEncryptionSettings(ctx, &glue.PutDataCatalogEncryptionSettingsInput{DataCatalogEncryptionSettings: &gluetypes.DataCatalogEncryptionSettings{
		EncryptionAtRest:             &gluetypes.EncryptionAtRest{CatalogEncryptionMode: gluetypes.CatalogEncryptionModeSsekms, SseAwsKmsKeyId: key},
		ConnectionPasswordEncryption: &gluetypes.ConnectionPasswordEncryption{ReturnConnectionPasswordEncrypted: true, AwsKmsKeyId: key}}}))
}

func TestGlueAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedGlue(t, srv)
	res := collectMoto(t, srv, []string{"glue"}, "us-east-1", "eu-west-1")
	noErrors(t, res)

	cats := byKind(res, "aws.glue.data_catalog")
	if cats["us-east-1"] == nil || cats["eu-west-1"] == nil {
		t.Fatalf("catalogs: %v", cats)
	}
	if a := cats["us-east-1"].Attributes.(*model.GlueDataCatalog); a.EncryptionAtRestMode != "DISABLED" || a.ConnectionPasswordEncrypted {
		t.Errorf("us-east-1 catalog: %+v", a)
	}
	if a := cats["eu-west-1"].Attributes.(*model.GlueDataCatalog); a.EncryptionAtRestMode != "SSE-KMS" || !a.ConnectionPasswordEncrypted {
		t.Errorf("eu-west-1 catalog: %+v", a)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-GLUE-001", "AWS-GLUE-002"} {
		if !fails["us-east-1"][id] || fails["eu-west-1"][id] {
			t.Errorf("%s: us-east-1 %v, eu-west-1 %v", id, fails["us-east-1"], fails["eu-west-1"])
		}
	}
	for _, id := range []string{"AWS-GLUE-003", "AWS-GLUE-004", "AWS-GLUE-005"} {
		if !fails["plain"][id] || fails["sealed"][id] {
			t.Errorf("%s: plain %v, sealed %v", id, fails["plain"], fails["sealed"])
		}
	}
	if !fails["loose"]["AWS-GLUE-006"] || fails["tight"]["AWS-GLUE-006"] {
		t.Errorf("AWS-GLUE-006: loose %v, tight %v", fails["loose"], fails["tight"])
	}
}
