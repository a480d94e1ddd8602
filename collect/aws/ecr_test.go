package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestECRAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := ecr.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	if _, err := client.CreateRepository(ctx, &ecr.CreateRepositoryInput{RepositoryName: aws.String("loose"),
		ImageScanningConfiguration: &ecrtypes.ImageScanningConfiguration{ScanOnPush: false},
		ImageTagMutability:         ecrtypes.ImageTagMutabilityMutable,
		Tags:                       []ecrtypes.Tag{{Key: aws.String("team"), Value: aws.String("build")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateRepository(ctx, &ecr.CreateRepositoryInput{RepositoryName: aws.String("hardened"),
		ImageScanningConfiguration: &ecrtypes.ImageScanningConfiguration{ScanOnPush: true},
		ImageTagMutability:         ecrtypes.ImageTagMutabilityImmutable,
		EncryptionConfiguration:    &ecrtypes.EncryptionConfiguration{EncryptionType: ecrtypes.EncryptionTypeKms}}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.SetRepositoryPolicy(ctx, &ecr.SetRepositoryPolicyInput{RepositoryName: aws.String("loose"),
		PolicyText: aws.String(`{"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow","Principal":"*","Action":["ecr:GetDownloadUrlForLayer","ecr:BatchGetImage"]}]}`)}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.PutLifecyclePolicy(ctx, &ecr.PutLifecyclePolicyInput{RepositoryName: aws.String("hardened"),
		LifecyclePolicyText: aws.String(`{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}`)}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"ecr"})
	noErrors(t, res)
	repos := byKind(res, "aws.ecr.repository")
	loose, hard := repos["loose"], repos["hardened"]
	if loose == nil || hard == nil {
		t.Fatalf("repositories: %v", repos)
	}
	if loose.ID != "arn:aws:ecr:us-east-1:123456789012:repository/loose" || loose.Tags["team"] != "build" || len(loose.Raw) == 0 {
		t.Errorf("identity: %+v", loose)
	}
	la := loose.Attributes.(*model.ECRRepository)
	if la.ScanOnPush || la.ImageTagMutability != "MUTABLE" || la.EncryptionType != "AES256" || la.Policy == nil ||
		la.Policy.Statements[0].Principals["AWS"][0] != "*" {
		t.Errorf("loose: %+v", la)
	}
	if ha := hard.Attributes.(*model.ECRRepository); !ha.ScanOnPush || ha.ImageTagMutability != "IMMUTABLE" || ha.EncryptionType != "KMS" || ha.Policy != nil {
		t.Errorf("hardened (no policy = nil): %+v", ha)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-ECR-001", "AWS-ECR-002", "AWS-ECR-003", "AWS-ECR-020", "AWS-ECR-021"} {
		if !fails["loose"][id] || fails["hardened"][id] {
			t.Errorf("%s: loose %v, hardened %v", id, fails["loose"], fails["hardened"])
		}
	}
}
