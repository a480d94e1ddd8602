package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	smtypes "github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

const sageMakerTestKey = "arn:aws:kms:us-east-1:123456789012:key/1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809"

// seedSageMaker creates, for each kind, a misconfigured resource (named
// open-...) and a well-configured one (closed-...).
func seedSageMaker(t *testing.T, srv *moto.Server) {
	t.Helper()
	client := sagemaker.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	role := aws.String("arn:aws:iam::123456789012:role/sagemaker")
	// Unset access settings are Enabled.
	must(client.CreateNotebookInstance(ctx, &sagemaker.CreateNotebookInstanceInput{NotebookInstanceName: aws.String("open-notebook"),
		InstanceType: smtypes.InstanceTypeMlT3Medium, RoleArn: role}))
	must(client.CreateNotebookInstance(ctx, &sagemaker.CreateNotebookInstanceInput{NotebookInstanceName: aws.String("closed-notebook"),
		InstanceType: smtypes.InstanceTypeMlT3Medium, RoleArn: role, DirectInternetAccess: smtypes.DirectInternetAccessDisabled,
		RootAccess: smtypes.RootAccessDisabled, KmsKeyId: aws.String(sageMakerTestKey), SubnetId: aws.String("subnet-0abc1234def567890"),
		SecurityGroupIds: []string{"sg-0123abcd4567ef890"}}))
	container := &smtypes.ContainerDefinition{Image: aws.String("123456789012.dkr.ecr.us-east-1.amazonaws.com/fraud:3")}
	must(client.CreateModel(ctx, &sagemaker.CreateModelInput{ModelName: aws.String("open-model"), ExecutionRoleArn: role, PrimaryContainer: container}))
	must(client.CreateModel(ctx, &sagemaker.CreateModelInput{ModelName: aws.String("closed-model"), ExecutionRoleArn: role, PrimaryContainer: container,
		EnableNetworkIsolation: aws.Bool(true), VpcConfig: &smtypes.VpcConfig{Subnets: []string{"subnet-0abc1234def567890"}, SecurityGroupIds: []string{"sg-0123abcd4567ef890"}}}))
	variant := func(n int32) []smtypes.ProductionVariant {
		return []smtypes.ProductionVariant{{VariantName: aws.String("primary"), ModelName: aws.String("closed-model"),
			InstanceType: smtypes.ProductionVariantInstanceTypeMlM5Large, InitialInstanceCount: aws.Int32(n), InitialVariantWeight: aws.Float32(1)}}
	}
	must(client.CreateEndpointConfig(ctx, &sagemaker.CreateEndpointConfigInput{EndpointConfigName: aws.String("open-config"), ProductionVariants: variant(1)}))
	must(client.CreateEndpointConfig(ctx, &sagemaker.CreateEndpointConfigInput{EndpointConfigName: aws.String("closed-config"), ProductionVariants: variant(2),
		KmsKeyId: aws.String(sageMakerTestKey)}))
}

func TestSageMakerAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedSageMaker(t, srv)
	res := collectMoto(t, srv, []string{"sagemaker"})
	noErrors(t, res)

	nbs := byKind(res, "aws.sagemaker.notebook_instance")
	if len(nbs) != 2 {
		t.Fatalf("notebook instances: %v", nbs)
	}
	if id := nbs["open-notebook"].ID; id != "arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/open-notebook" {
		t.Errorf("id: %s", id)
	}
	if a := nbs["open-notebook"].Attributes.(*model.SageMakerNotebookInstance); !a.DirectInternetAccess || !a.RootAccess || a.KMSKeyID != "" || a.SubnetID != "" {
		t.Errorf("open notebook: %+v", a)
	}
	if a := nbs["closed-notebook"].Attributes.(*model.SageMakerNotebookInstance); a.DirectInternetAccess || a.RootAccess || a.KMSKeyID != sageMakerTestKey || a.SubnetID == "" {
		t.Errorf("closed notebook: %+v", a)
	}
	cfgs := byKind(res, "aws.sagemaker.endpoint_config")
	if a := cfgs["open-config"].Attributes.(*model.SageMakerEndpointConfig); a.KMSKeyID != "" || len(a.ProductionVariants) != 1 || a.ProductionVariants[0].InitialInstanceCount != 1 {
		t.Errorf("open config: %+v", a)
	}
	// moto drops CreateModel's EnableNetworkIsolation (its models always
	// answer false), so only the VPC side of the closed model is read
	// here; the test cloud's world has a model with isolation on.
	models := byKind(res, "aws.sagemaker.model")
	if a := models["closed-model"].Attributes.(*model.SageMakerModel); !a.InVPC {
		t.Errorf("closed model: %+v", a)
	}
	if a := models["open-model"].Attributes.(*model.SageMakerModel); a.NetworkIsolation || a.InVPC {
		t.Errorf("open model: %+v", a)
	}
	fails := failing(t, res.Resources)
	for name, ids := range map[string][]string{
		"notebook": {"AWS-SAGEMAKER-001", "AWS-SAGEMAKER-002", "AWS-SAGEMAKER-003", "AWS-SAGEMAKER-004"},
		"config":   {"AWS-SAGEMAKER-005", "AWS-SAGEMAKER-006"},
	} {
		for _, id := range ids {
			if !fails["open-"+name][id] || fails["closed-"+name][id] {
				t.Errorf("%s: open %v, closed %v", id, fails["open-"+name], fails["closed-"+name])
			}
		}
	}
	if !fails["open-model"]["AWS-SAGEMAKER-007"] {
		t.Errorf("AWS-SAGEMAKER-007: open %v", fails["open-model"])
	}
}
