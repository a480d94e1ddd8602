package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	efstypes "github.com/aws/aws-sdk-go-v2/service/efs/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestEFSAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := efs.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	plain, err := client.CreateFileSystem(ctx, &efs.CreateFileSystemInput{CreationToken: aws.String("plain-token"),
		Tags: []efstypes.Tag{{Key: aws.String("Name"), Value: aws.String("shared-home")}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateFileSystem(ctx, &efs.CreateFileSystemInput{CreationToken: aws.String("sealed"), Encrypted: aws.Bool(true),
		KmsKeyId: aws.String("arn:aws:kms:us-east-1:123456789012:key/k2")}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.PutFileSystemPolicy(ctx, &efs.PutFileSystemPolicyInput{FileSystemId: plain.FileSystemId,
		Policy: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"elasticfilesystem:ClientMount","Resource":"` + aws.ToString(plain.FileSystemArn) + `"}]}`)}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"efs"})
	noErrors(t, res)
	fss := byKind(res, "aws.efs.file_system")
	home, sealed := fss["shared-home"], fss["sealed"]
	if home == nil || sealed == nil {
		t.Fatalf("file systems: %v", fss)
	}
	if home.ID != aws.ToString(plain.FileSystemArn) || home.Tags["Name"] != "shared-home" || len(home.Raw) == 0 {
		t.Errorf("identity: %+v", home)
	}
	if a := home.Attributes.(*model.EFSFileSystem); a.Encrypted || a.KMSKeyID != "" {
		t.Errorf("shared-home: %+v", a)
	}
	if a := sealed.Attributes.(*model.EFSFileSystem); !a.Encrypted || a.KMSKeyID == "" {
		t.Errorf("sealed: %+v", a)
	}
	if a := home.Attributes.(*model.EFSFileSystem); a.AutomaticBackups || a.Policy == nil {
		t.Errorf("shared-home policy and backups: %+v", a)
	}
	// moto answers DescribeBackupPolicy but serves no PutBackupPolicy:
	// both file systems read as without automatic backups (the test
	// cloud's world has one with them).
	if a := sealed.Attributes.(*model.EFSFileSystem); a.AutomaticBackups || a.Policy != nil {
		t.Errorf("sealed policy and backups: %+v", a)
	}
	fails := failing(t, res.Resources)
	if !fails["shared-home"]["AWS-EFS-021"] || fails["sealed"]["AWS-EFS-021"] || !fails["sealed"]["AWS-EFS-020"] {
		t.Errorf("AWS-EFS-020/021: %v", fails)
	}
	if !fails["shared-home"]["AWS-EFS-001"] || fails["sealed"]["AWS-EFS-001"] {
		t.Errorf("AWS-EFS-001: %v", fails)
	}
}
