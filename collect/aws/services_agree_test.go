package aws

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	efstypes "github.com/aws/aws-sdk-go-v2/service/efs/types"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	ekstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// The agreement tests of this file seed moto through the SDK with a failing
// and a passing twin per rule, write the equivalent Terraform, and require
// that each twin fails the same rules of its service on both paths. Each
// twin names the rules it must fail, so agreement can never be vacuous.

// svcTwin is one resource seeded live and declared in Terraform under the
// same name.
type svcTwin struct {
	name string
	// fail: rules this twin must fail (on both paths); pass: rules it
	// must not fail. Together they cover every rule of the service.
	fail, pass []string
}

type svcCase struct {
	services []string // live collectors to run
	kind     string   // the resource kind compared
	prefix   string   // the rule ids compared, e.g. "AWS-SQS-"
	tf       string   // main.tf
	twins    []svcTwin
}

// svcKey names a resource as both paths can: KMS keys are known live by
// their alias, in Terraform by their block label.
func svcKey(r *model.Resource) string {
	return strings.TrimPrefix(r.Name, "alias/")
}

// svcRules maps each resource of kind to its failing rule ids with the
// prefix, sorted and comma-joined.
func svcRules(t *testing.T, rs []*model.Resource, kind, prefix string) map[string]string {
	t.Helper()
	fails := failingByResource(t, rs)
	out := map[string]string{}
	for _, r := range rs {
		if r.Kind != kind {
			continue
		}
		var ids []string
		for id := range fails[r.ID] {
			if strings.HasPrefix(id, prefix) {
				ids = append(ids, id)
			}
		}
		sort.Strings(ids)
		out[svcKey(r)] = strings.Join(ids, ",")
	}
	return out
}

// svcCheck compares the live resources with the Terraform twins.
func svcCheck(t *testing.T, c svcCase, live []*model.Resource) {
	t.Helper()
	tfRes := loadTerraform(t, c.tf)
	l := svcRules(t, live, c.kind, c.prefix)
	f := svcRules(t, tfRes, c.kind, c.prefix)
	// AGREE_DEBUG=1 logs both sides' normalized attributes, to find where
	// a disagreement comes from.
	if os.Getenv("AGREE_DEBUG") != "" {
		for _, rs := range [][]*model.Resource{live, tfRes} {
			for _, r := range rs {
				if r.Kind == c.kind {
					j, _ := json.Marshal(r.Attributes)
					t.Logf("ATTR %s %s %s %s unknown=%v", r.Source, svcKey(r), j, r.Relations, r.Unknown)
				}
			}
		}
	}
	for _, tw := range c.twins {
		lr, ok1 := l[tw.name]
		fr, ok2 := f[tw.name]
		if !ok1 || !ok2 {
			t.Errorf("%s: live found %v, terraform found %v (live %v, terraform %v)", tw.name, ok1, ok2, l, f)
			continue
		}
		if lr != fr {
			t.Errorf("%s: live fails [%s], terraform fails [%s]", tw.name, lr, fr)
		}
		got := map[string]bool{}
		for _, id := range strings.Split(fr, ",") {
			got[id] = true
		}
		for _, id := range tw.fail {
			if !got[id] {
				t.Errorf("%s must fail %s: terraform fails [%s], live [%s]", tw.name, id, fr, lr)
			}
		}
		for _, id := range tw.pass {
			if got[id] {
				t.Errorf("%s must not fail %s: terraform fails [%s], live [%s]", tw.name, id, fr, lr)
			}
		}
	}
}

// svcRun collects the live side from moto (seeded by seed) and checks it.
func svcRun(t *testing.T, c svcCase, seed func(t *testing.T, cfg aws.Config)) {
	t.Helper()
	srv := moto.Start(t)
	seed(t, srv.Config(t, "us-east-1"))
	res := collectMoto(t, srv, c.services)
	noErrors(t, res)
	svcCheck(t, c, res.Resources)
}

// svcPublicPolicy lets anyone call action; svcScopedPolicy lets anyone call it
// only on behalf of one source ARN, which is not public.
func svcPublicPolicy(action string) string {
	return fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Sid":"anyone","Effect":"Allow","Principal":"*","Action":%q,"Resource":"*"}]}`, action)
}

func svcScopedPolicy(action string) string {
	return fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Sid":"source","Effect":"Allow","Principal":{"AWS":"*"},"Action":%q,"Resource":"*","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:s3:::uploads"}}}]}`, action)
}

func TestAgreeServicesSQS(t *testing.T) {
	c := svcCase{services: []string{"sqs"}, kind: "aws.sqs.queue", prefix: "AWS-SQS-", tf: fmt.Sprintf(`
resource "aws_sqs_queue" "sqs-plain" {
  name                    = "sqs-plain"
  sqs_managed_sse_enabled = false
}
resource "aws_sqs_queue" "sqs-default" {
  name = "sqs-default"
}
resource "aws_sqs_queue" "sqs-emptykey" {
  name              = "sqs-emptykey"
  kms_master_key_id = ""
}
resource "aws_sqs_queue" "sqs-kms" {
  name              = "sqs-kms"
  kms_master_key_id = "alias/aws/sqs"
}
resource "aws_sqs_queue" "sqs-public" {
  name                    = "sqs-public"
  sqs_managed_sse_enabled = true
}
resource "aws_sqs_queue_policy" "sqs-public" {
  queue_url = aws_sqs_queue.sqs-public.id
  policy    = <<POLICY
%s
POLICY
}
resource "aws_sqs_queue" "sqs-scoped" {
  name   = "sqs-scoped"
  policy = <<POLICY
%s
POLICY
}
`, svcPublicPolicy("sqs:SendMessage"), svcScopedPolicy("sqs:SendMessage")),
		twins: []svcTwin{
			{name: "sqs-plain", fail: []string{"AWS-SQS-001"}, pass: []string{"AWS-SQS-002"}},
			{name: "sqs-default", pass: []string{"AWS-SQS-001", "AWS-SQS-002"}},
			// The provider sends no empty attribute: AWS's SSE-SQS default
			// applies.
			{name: "sqs-emptykey", pass: []string{"AWS-SQS-001", "AWS-SQS-002"}},
			{name: "sqs-kms", pass: []string{"AWS-SQS-001", "AWS-SQS-002"}},
			{name: "sqs-public", fail: []string{"AWS-SQS-002"}, pass: []string{"AWS-SQS-001"}},
			{name: "sqs-scoped", pass: []string{"AWS-SQS-002"}},
		}}
	svcRun(t, c, func(t *testing.T, cfg aws.Config) {
		client := sqs.NewFromConfig(cfg)
		for name, attrs := range map[string]map[string]string{
			"sqs-plain":   {"SqsManagedSseEnabled": "false"},
			"sqs-default": nil,
			// What the provider sends for kms_master_key_id = "".
			"sqs-emptykey": nil,
			"sqs-kms":      {"KmsMasterKeyId": "alias/aws/sqs"},
			"sqs-public":   {"SqsManagedSseEnabled": "true", "Policy": svcPublicPolicy("sqs:SendMessage")},
			"sqs-scoped":   {"Policy": svcScopedPolicy("sqs:SendMessage")},
		} {
			out, err := client.CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs})
			checkSeed(t, out, err)
		}
	})
}

func TestAgreeServicesSNS(t *testing.T) {
	c := svcCase{services: []string{"sns"}, kind: "aws.sns.topic", prefix: "AWS-SNS-", tf: fmt.Sprintf(`
resource "aws_sns_topic" "sns-plain" {
  name = "sns-plain"
}
resource "aws_sns_topic" "sns-kms" {
  name              = "sns-kms"
  kms_master_key_id = "alias/aws/sns"
}
resource "aws_sns_topic" "sns-public" {
  name              = "sns-public"
  kms_master_key_id = "alias/aws/sns"
}
resource "aws_sns_topic_policy" "sns-public" {
  arn    = aws_sns_topic.sns-public.arn
  policy = <<POLICY
%s
POLICY
}
resource "aws_sns_topic" "sns-scoped" {
  name              = "sns-scoped"
  kms_master_key_id = "alias/aws/sns"
  policy            = <<POLICY
%s
POLICY
}
`, svcPublicPolicy("sns:Publish"), svcScopedPolicy("sns:Publish")),
		twins: []svcTwin{
			// Live, the plain topic carries SNS's default owner-only
			// policy; Terraform leaves it null. Neither is public.
			{name: "sns-plain", fail: []string{"AWS-SNS-001"}, pass: []string{"AWS-SNS-002"}},
			{name: "sns-kms", pass: []string{"AWS-SNS-001", "AWS-SNS-002"}},
			{name: "sns-public", fail: []string{"AWS-SNS-002"}, pass: []string{"AWS-SNS-001"}},
			{name: "sns-scoped", pass: []string{"AWS-SNS-001", "AWS-SNS-002"}},
		}}
	svcRun(t, c, func(t *testing.T, cfg aws.Config) {
		client := sns.NewFromConfig(cfg)
		for name, attrs := range map[string]map[string]string{
			"sns-plain":  nil,
			"sns-kms":    {"KmsMasterKeyId": "alias/aws/sns"},
			"sns-public": {"KmsMasterKeyId": "alias/aws/sns", "Policy": svcPublicPolicy("sns:Publish")},
			"sns-scoped": {"KmsMasterKeyId": "alias/aws/sns", "Policy": svcScopedPolicy("sns:Publish")},
		} {
			out, err := client.CreateTopic(context.Background(), &sns.CreateTopicInput{Name: aws.String(name), Attributes: attrs})
			checkSeed(t, out, err)
		}
	})
}

// TestAgreeServicesKMS covers AWS-KMS-002 (AWS-KMS-001 has its own
// agreement test in kms_test.go; both keys rotate here so it stays quiet).
func TestAgreeServicesKMS(t *testing.T) {
	orgPolicy := `{"Version":"2012-10-17","Statement":[` +
		`{"Sid":"root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"},` +
		`{"Sid":"org","Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}]}`
	c := svcCase{services: []string{"kms"}, kind: "aws.kms.key", prefix: "AWS-KMS-", tf: fmt.Sprintf(`
resource "aws_kms_key" "kms-open" {
  description         = "open key"
  enable_key_rotation = true
}
resource "aws_kms_key_policy" "kms-open" {
  key_id = aws_kms_key.kms-open.id
  policy = <<POLICY
%s
POLICY
}
resource "aws_kms_key" "kms-org" {
  description         = "org key"
  enable_key_rotation = true
  policy              = <<POLICY
%s
POLICY
}
`, svcPublicPolicy("kms:Decrypt"), orgPolicy),
		twins: []svcTwin{
			{name: "kms-open", fail: []string{"AWS-KMS-002"}, pass: []string{"AWS-KMS-001"}},
			{name: "kms-org", pass: []string{"AWS-KMS-001", "AWS-KMS-002"}},
		}}
	svcRun(t, c, func(t *testing.T, cfg aws.Config) {
		ctx := context.Background()
		client := kms.NewFromConfig(cfg)
		for name, policy := range map[string]string{"kms-open": svcPublicPolicy("kms:Decrypt"), "kms-org": orgPolicy} {
			desc := strings.TrimPrefix(name, "kms-") + " key"
			key, err := client.CreateKey(ctx, &kms.CreateKeyInput{Description: aws.String(desc), Policy: aws.String(policy)})
			if err != nil {
				t.Fatal(err)
			}
			out, err := client.EnableKeyRotation(ctx, &kms.EnableKeyRotationInput{KeyId: key.KeyMetadata.KeyId})
			checkSeed(t, out, err)
			out2, err := client.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: aws.String("alias/" + name), TargetKeyId: key.KeyMetadata.KeyId})
			checkSeed(t, out2, err)
		}
	})
}

// TestAgreeServicesLambda seeds what moto can show; TestAgreeServicesLambdaWire
// covers the rest.
func TestAgreeServicesLambda(t *testing.T) {
	const role = "arn:aws:iam::123456789012:role/fn-role"
	c := svcCase{services: []string{"lambda"}, kind: "aws.lambda.function", prefix: "AWS-LAMBDA-", tf: `
resource "aws_lambda_function" "fn-open" {
  function_name = "fn-open"
  role          = "arn:aws:iam::123456789012:role/fn-role"
  runtime       = "python3.8"
  handler       = "index.handler"
  filename      = "fn.zip"
  environment {
    variables = {
      DB_PASSWORD = "hunter2"
      STAGE       = "prod"
    }
  }
}
resource "aws_lambda_permission" "fn-open-anyone" {
  function_name = aws_lambda_function.fn-open.function_name
  statement_id  = "anyone"
  action        = "lambda:InvokeFunction"
  principal     = "*"
}
resource "aws_lambda_function_url" "fn-open" {
  function_name      = aws_lambda_function.fn-open.function_name
  authorization_type = "NONE"
}

resource "aws_lambda_function" "fn-closed" {
  function_name = "fn-closed"
  role          = "arn:aws:iam::123456789012:role/fn-role"
  runtime       = "python3.12"
  handler       = "index.handler"
  filename      = "fn.zip"
  environment {
    variables = {
      STAGE = "prod"
    }
  }
}
resource "aws_lambda_permission" "fn-closed-bucket" {
  function_name  = aws_lambda_function.fn-closed.function_name
  statement_id   = "from-bucket"
  action         = "lambda:InvokeFunction"
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:aws:s3:::uploads"
  source_account = "123456789012"
}
resource "aws_lambda_permission" "fn-closed-account" {
  function_name = aws_lambda_function.fn-closed.function_name
  statement_id  = "from-account"
  action        = "lambda:InvokeFunction"
  principal     = "210987654321"
}
resource "aws_lambda_function_url" "fn-closed" {
  function_name      = aws_lambda_function.fn-closed.function_name
  authorization_type = "AWS_IAM"
}
`,
		twins: []svcTwin{
			{name: "fn-open", fail: []string{"AWS-LAMBDA-001", "AWS-LAMBDA-002", "AWS-LAMBDA-003", "AWS-LAMBDA-004"}},
			{name: "fn-closed", pass: []string{"AWS-LAMBDA-001", "AWS-LAMBDA-002", "AWS-LAMBDA-003", "AWS-LAMBDA-004"}},
		}}
	svcRun(t, c, func(t *testing.T, cfg aws.Config) {
		ctx := context.Background()
		// moto's CreateFunction wants a role that exists in its IAM.
		out, err := iam.NewFromConfig(cfg).CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String("fn-role"),
			AssumeRolePolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`)})
		checkSeed(t, out, err)
		client := lambda.NewFromConfig(cfg)
		code := lambdaZip(t)
		fn := func(name string, rt lambdatypes.Runtime, env map[string]string) {
			t.Helper()
			in := &lambda.CreateFunctionInput{FunctionName: aws.String(name), Runtime: rt, Role: aws.String(role),
				Handler: aws.String("index.handler"), Code: &lambdatypes.FunctionCode{ZipFile: code}}
			if env != nil {
				in.Environment = &lambdatypes.Environment{Variables: env}
			}
			out, err := client.CreateFunction(ctx, in)
			checkSeed(t, out, err)
		}
		perm := func(in *lambda.AddPermissionInput) {
			t.Helper()
			out, err := client.AddPermission(ctx, in)
			checkSeed(t, out, err)
		}
		url := func(name string, auth lambdatypes.FunctionUrlAuthType) {
			t.Helper()
			out, err := client.CreateFunctionUrlConfig(ctx, &lambda.CreateFunctionUrlConfigInput{FunctionName: aws.String(name), AuthType: auth})
			checkSeed(t, out, err)
		}
		fn("fn-open", lambdatypes.RuntimePython38, map[string]string{"DB_PASSWORD": "hunter2", "STAGE": "prod"})
		perm(&lambda.AddPermissionInput{FunctionName: aws.String("fn-open"), StatementId: aws.String("anyone"),
			Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("*")})
		url("fn-open", lambdatypes.FunctionUrlAuthTypeNone)

		fn("fn-closed", lambdatypes.RuntimePython312, map[string]string{"STAGE": "prod"})
		perm(&lambda.AddPermissionInput{FunctionName: aws.String("fn-closed"), StatementId: aws.String("from-bucket"),
			Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("s3.amazonaws.com"),
			SourceArn: aws.String("arn:aws:s3:::uploads"), SourceAccount: aws.String("123456789012")})
		perm(&lambda.AddPermissionInput{FunctionName: aws.String("fn-closed"), StatementId: aws.String("from-account"),
			Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("210987654321")})
		url("fn-closed", lambdatypes.FunctionUrlAuthTypeAwsIam)
	})
}

func TestAgreeServicesECR(t *testing.T) {
	// Repository policies have no Resource element.
	public := `{"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow","Principal":"*","Action":["ecr:GetDownloadUrlForLayer","ecr:BatchGetImage"]}]}`
	account := `{"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":["ecr:GetDownloadUrlForLayer","ecr:BatchGetImage"]}]}`
	c := svcCase{services: []string{"ecr"}, kind: "aws.ecr.repository", prefix: "AWS-ECR-", tf: fmt.Sprintf(`
resource "aws_ecr_repository" "ecr-loose" {
  name = "ecr-loose"
}
resource "aws_ecr_repository_policy" "ecr-loose" {
  repository = aws_ecr_repository.ecr-loose.name
  policy     = <<POLICY
%s
POLICY
}
resource "aws_ecr_repository" "ecr-tight" {
  name                 = "ecr-tight"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
  encryption_configuration {
    encryption_type = "KMS"
  }
}
resource "aws_ecr_repository_policy" "ecr-tight" {
  repository = aws_ecr_repository.ecr-tight.name
  policy     = <<POLICY
%s
POLICY
}
`, public, account),
		twins: []svcTwin{
			{name: "ecr-loose", fail: []string{"AWS-ECR-001", "AWS-ECR-002", "AWS-ECR-003"}},
			{name: "ecr-tight", pass: []string{"AWS-ECR-001", "AWS-ECR-002", "AWS-ECR-003"}},
		}}
	svcRun(t, c, func(t *testing.T, cfg aws.Config) {
		ctx := context.Background()
		client := ecr.NewFromConfig(cfg)
		out, err := client.CreateRepository(ctx, &ecr.CreateRepositoryInput{RepositoryName: aws.String("ecr-loose")})
		checkSeed(t, out, err)
		out, err = client.CreateRepository(ctx, &ecr.CreateRepositoryInput{RepositoryName: aws.String("ecr-tight"),
			ImageScanningConfiguration: &ecrtypes.ImageScanningConfiguration{ScanOnPush: true},
			ImageTagMutability:         ecrtypes.ImageTagMutabilityImmutable,
			EncryptionConfiguration:    &ecrtypes.EncryptionConfiguration{EncryptionType: ecrtypes.EncryptionTypeKms}})
		checkSeed(t, out, err)
		for name, p := range map[string]string{"ecr-loose": public, "ecr-tight": account} {
			out, err := client.SetRepositoryPolicy(ctx, &ecr.SetRepositoryPolicyInput{RepositoryName: aws.String(name), PolicyText: aws.String(p)})
			checkSeed(t, out, err)
		}
	})
}

func TestAgreeServicesEKS(t *testing.T) {
	c := svcCase{services: []string{"eks"}, kind: "aws.eks.cluster", prefix: "AWS-EKS-", tf: `
resource "aws_eks_cluster" "eks-open" {
  name     = "eks-open"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  version  = "1.28"
  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}
resource "aws_eks_cluster" "eks-narrow" {
  name                      = "eks-narrow"
  role_arn                  = "arn:aws:iam::123456789012:role/eks"
  version                   = "1.28"
  enabled_cluster_log_types = ["api"]
  vpc_config {
    subnet_ids          = ["subnet-1", "subnet-2"]
    public_access_cidrs = ["203.0.113.0/24"]
  }
}
resource "aws_eks_cluster" "eks-empty" {
  name     = "eks-empty"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  version  = "1.28"
  vpc_config {
    subnet_ids          = ["subnet-1", "subnet-2"]
    public_access_cidrs = []
  }
}
resource "aws_eks_cluster" "eks-private" {
  name                      = "eks-private"
  role_arn                  = "arn:aws:iam::123456789012:role/eks"
  version                   = "1.28"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "scheduler"]
  vpc_config {
    subnet_ids              = ["subnet-1", "subnet-2"]
    endpoint_public_access  = false
    endpoint_private_access = true
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:us-east-1:123456789012:key/k1"
    }
  }
}
`,
		twins: []svcTwin{
			{name: "eks-open", fail: []string{"AWS-EKS-001", "AWS-EKS-002", "AWS-EKS-003", "AWS-EKS-020"}},
			// An empty CIDR list is not sent, so EKS opens the endpoint to
			// everyone.
			{name: "eks-empty", fail: []string{"AWS-EKS-001"}},
			// Kubernetes 1.28 left all EKS support on 2025-11-26.
			{name: "eks-narrow", fail: []string{"AWS-EKS-002", "AWS-EKS-003", "AWS-EKS-020"}, pass: []string{"AWS-EKS-001"}},
			{name: "eks-private", fail: []string{"AWS-EKS-020"}, pass: []string{"AWS-EKS-001", "AWS-EKS-002", "AWS-EKS-003"}},
		}}
	svcRun(t, c, func(t *testing.T, cfg aws.Config) {
		ctx := context.Background()
		client := eks.NewFromConfig(cfg)
		role := aws.String("arn:aws:iam::123456789012:role/eks")
		subnets := []string{"subnet-1", "subnet-2"}
		// moto gap (5.2): without endpointPublicAccess in the request
		// moto reports a private-only cluster, where EKS (and Terraform)
		// default to a public endpoint; the seed states AWS's default.
		for _, in := range []*eks.CreateClusterInput{
			{Name: aws.String("eks-open"), RoleArn: role, Version: aws.String("1.28"), ResourcesVpcConfig: &ekstypes.VpcConfigRequest{SubnetIds: subnets, EndpointPublicAccess: aws.Bool(true)}},
			{Name: aws.String("eks-empty"), RoleArn: role, Version: aws.String("1.28"), ResourcesVpcConfig: &ekstypes.VpcConfigRequest{SubnetIds: subnets, EndpointPublicAccess: aws.Bool(true)}},
			{Name: aws.String("eks-narrow"), RoleArn: role, Version: aws.String("1.28"),
				ResourcesVpcConfig: &ekstypes.VpcConfigRequest{SubnetIds: subnets, EndpointPublicAccess: aws.Bool(true), PublicAccessCidrs: []string{"203.0.113.0/24"}},
				Logging: &ekstypes.Logging{ClusterLogging: []ekstypes.LogSetup{
					{Enabled: aws.Bool(true), Types: []ekstypes.LogType{ekstypes.LogTypeApi}}}}},
			{Name: aws.String("eks-private"), RoleArn: role, Version: aws.String("1.28"),
				ResourcesVpcConfig: &ekstypes.VpcConfigRequest{SubnetIds: subnets, EndpointPublicAccess: aws.Bool(false), EndpointPrivateAccess: aws.Bool(true)},
				EncryptionConfig: []ekstypes.EncryptionConfig{{Resources: []string{"secrets"},
					Provider: &ekstypes.Provider{KeyArn: aws.String("arn:aws:kms:us-east-1:123456789012:key/k1")}}},
				Logging: &ekstypes.Logging{ClusterLogging: []ekstypes.LogSetup{{Enabled: aws.Bool(true), Types: []ekstypes.LogType{
					ekstypes.LogTypeApi, ekstypes.LogTypeAudit, ekstypes.LogTypeAuthenticator, ekstypes.LogTypeScheduler}}}}},
		} {
			out, err := client.CreateCluster(ctx, in)
			checkSeed(t, out, err)
		}
	})
}

func TestAgreeServicesEFS(t *testing.T) {
	c := svcCase{services: []string{"efs"}, kind: "aws.efs.file_system", prefix: "AWS-EFS-", tf: `
resource "aws_efs_file_system" "plain" {
  creation_token = "efs-plain-token"
  tags = {
    Name = "efs-plain"
  }
}
resource "aws_efs_file_system" "sealed" {
  creation_token = "efs-sealed"
  encrypted      = true
  kms_key_id     = "arn:aws:kms:us-east-1:123456789012:key/k2"
}
`,
		twins: []svcTwin{
			{name: "efs-plain", fail: []string{"AWS-EFS-001"}},
			{name: "efs-sealed", pass: []string{"AWS-EFS-001"}},
		}}
	svcRun(t, c, func(t *testing.T, cfg aws.Config) {
		ctx := context.Background()
		client := efs.NewFromConfig(cfg)
		out, err := client.CreateFileSystem(ctx, &efs.CreateFileSystemInput{CreationToken: aws.String("efs-plain-token"),
			Tags: []efstypes.Tag{{Key: aws.String("Name"), Value: aws.String("efs-plain")}}})
		checkSeed(t, out, err)
		out, err = client.CreateFileSystem(ctx, &efs.CreateFileSystemInput{CreationToken: aws.String("efs-sealed"), Encrypted: aws.Bool(true),
			KmsKeyId: aws.String("arn:aws:kms:us-east-1:123456789012:key/k2")})
		checkSeed(t, out, err)
	})
}

func TestAgreeServicesDynamoDB(t *testing.T) {
	c := svcCase{services: []string{"dynamodb"}, kind: "aws.dynamodb.table", prefix: "AWS-DDB-", tf: `
resource "aws_dynamodb_table" "ddb-bare" {
  name         = "ddb-bare"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}
resource "aws_dynamodb_table" "ddb-guarded" {
  name         = "ddb-guarded"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  server_side_encryption {
    enabled = true
  }
  point_in_time_recovery {
    enabled = true
  }
}
resource "aws_dynamodb_table" "ddb-cmk" {
  name         = "ddb-cmk"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/k3"
  }
}
`,
		twins: []svcTwin{
			{name: "ddb-bare", fail: []string{"AWS-DDB-001", "AWS-DDB-002"}},
			{name: "ddb-guarded", pass: []string{"AWS-DDB-001", "AWS-DDB-002"}},
			{name: "ddb-cmk", fail: []string{"AWS-DDB-001"}, pass: []string{"AWS-DDB-002"}},
		}}
	svcRun(t, c, func(t *testing.T, cfg aws.Config) {
		ctx := context.Background()
		client := dynamodb.NewFromConfig(cfg)
		create := func(name string, sse *ddbtypes.SSESpecification) {
			t.Helper()
			out, err := client.CreateTable(ctx, &dynamodb.CreateTableInput{
				TableName:            aws.String(name),
				AttributeDefinitions: []ddbtypes.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: ddbtypes.ScalarAttributeTypeS}},
				KeySchema:            []ddbtypes.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: ddbtypes.KeyTypeHash}},
				BillingMode:          ddbtypes.BillingModePayPerRequest,
				SSESpecification:     sse,
			})
			checkSeed(t, out, err)
		}
		create("ddb-bare", nil)
		create("ddb-guarded", &ddbtypes.SSESpecification{Enabled: aws.Bool(true)})
		create("ddb-cmk", &ddbtypes.SSESpecification{Enabled: aws.Bool(true), SSEType: ddbtypes.SSETypeKms,
			KMSMasterKeyId: aws.String("arn:aws:kms:us-east-1:123456789012:key/k3")})
		out, err := client.UpdateContinuousBackups(ctx, &dynamodb.UpdateContinuousBackupsInput{TableName: aws.String("ddb-guarded"),
			PointInTimeRecoverySpecification: &ddbtypes.PointInTimeRecoverySpecification{PointInTimeRecoveryEnabled: aws.Bool(true)}})
		checkSeed(t, out, err)
	})
}

func TestAgreeServicesLogs(t *testing.T) {
	c := svcCase{services: []string{"logs"}, kind: "aws.logs.log_group", prefix: "AWS-LOGS-", tf: `
resource "aws_cloudwatch_log_group" "logs-short" {
  name              = "logs-short"
  retention_in_days = 30
}
resource "aws_cloudwatch_log_group" "logs-kept" {
  name              = "logs-kept"
  retention_in_days = 400
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:key/k4"
}
resource "aws_cloudwatch_log_group" "logs-forever" {
  name       = "logs-forever"
  kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/k4"
}
`,
		twins: []svcTwin{
			{name: "logs-short", fail: []string{"AWS-LOGS-001", "AWS-LOGS-002"}},
			{name: "logs-kept", pass: []string{"AWS-LOGS-001", "AWS-LOGS-002"}},
			// No retention policy: logs never expire.
			{name: "logs-forever", pass: []string{"AWS-LOGS-001", "AWS-LOGS-002"}},
		}}
	svcRun(t, c, func(t *testing.T, cfg aws.Config) {
		ctx := context.Background()
		client := cloudwatchlogs.NewFromConfig(cfg)
		key, err := kms.NewFromConfig(cfg).CreateKey(ctx, &kms.CreateKeyInput{})
		if err != nil {
			t.Fatal(err)
		}
		for name, days := range map[string]int32{"logs-short": 30, "logs-kept": 400, "logs-forever": 0} {
			in := &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String(name)}
			if name != "logs-short" {
				in.KmsKeyId = key.KeyMetadata.Arn
			}
			out, err := client.CreateLogGroup(ctx, in)
			checkSeed(t, out, err)
			if days > 0 {
				out, err := client.PutRetentionPolicy(ctx, &cloudwatchlogs.PutRetentionPolicyInput{LogGroupName: aws.String(name), RetentionInDays: aws.Int32(days)})
				checkSeed(t, out, err)
			}
		}
	})
}

func TestAgreeServicesSecretsManager(t *testing.T) {
	c := svcCase{services: []string{"secretsmanager"}, kind: "aws.secretsmanager.secret", prefix: "AWS-SM-", tf: `
resource "aws_secretsmanager_secret" "sm-stale" {
  name = "sm-stale"
}
resource "aws_secretsmanager_secret" "sm-managed" {
  name       = "sm-managed"
  kms_key_id = "alias/aws/secretsmanager"
}
resource "aws_secretsmanager_secret" "sm-rotated" {
  name       = "sm-rotated"
  kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/k5"
}
resource "aws_secretsmanager_secret_rotation" "sm-rotated" {
  secret_id           = aws_secretsmanager_secret.sm-rotated.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}
`,
		twins: []svcTwin{
			{name: "sm-stale", fail: []string{"AWS-SM-001", "AWS-SM-002"}},
			{name: "sm-managed", fail: []string{"AWS-SM-001", "AWS-SM-002"}},
			{name: "sm-rotated", pass: []string{"AWS-SM-001", "AWS-SM-002"}},
		}}
	svcRun(t, c, func(t *testing.T, cfg aws.Config) {
		ctx := context.Background()
		client := secretsmanager.NewFromConfig(cfg)
		key, err := kms.NewFromConfig(cfg).CreateKey(ctx, &kms.CreateKeyInput{})
		if err != nil {
			t.Fatal(err)
		}
		for name, k := range map[string]*string{"sm-stale": nil, "sm-managed": aws.String("alias/aws/secretsmanager"), "sm-rotated": key.KeyMetadata.Arn} {
			out, err := client.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: aws.String("x"), KmsKeyId: k})
			checkSeed(t, out, err)
		}
		out, err := client.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: aws.String("sm-rotated"),
			RotationRules:     &smtypes.RotationRulesType{AutomaticallyAfterDays: aws.Int64(30)},
			RotateImmediately: aws.Bool(false)})
		checkSeed(t, out, err)
	})
}

// TestAgreeServicesLambdaWire covers the Lambda configurations moto (5.2)
// cannot produce, with a small server answering in Lambda's REST-JSON wire
// format: moto drops KMSKeyArn from the function configuration, and it
// writes AddPermission's FunctionUrlAuthType as a top-level statement key
// instead of the lambda:FunctionUrlAuthType condition AWS writes.
func TestAgreeServicesLambdaWire(t *testing.T) {
	const acct = "arn:aws:lambda:us-east-1:123456789012:function:"
	urlPolicy := `{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"public-url","Effect":"Allow","Principal":"*",` +
		`"Action":"lambda:InvokeFunctionUrl","Resource":"` + acct + `fn-url",` +
		`"Condition":{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}}]}`
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		notFound := func() {
			w.Header().Set("X-Amzn-ErrorType", "ResourceNotFoundException")
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"Type":"User","Message":"The resource you requested does not exist."}`)
		}
		switch p := r.URL.Path; {
		case strings.TrimSuffix(p, "/") == "/2015-03-31/functions":
			fmt.Fprintf(w, `{"Functions":[
				{"FunctionName":"fn-url","FunctionArn":"%[1]sfn-url","Runtime":"python3.12","Role":"arn:aws:iam::123456789012:role/fn-role",
				 "TracingConfig":{"Mode":"PassThrough"}},
				{"FunctionName":"fn-sealed","FunctionArn":"%[1]sfn-sealed","Runtime":"python3.12","Role":"arn:aws:iam::123456789012:role/fn-role",
				 "KMSKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k6","TracingConfig":{"Mode":"PassThrough"},
				 "Environment":{"Variables":{"API_TOKEN":"s3cr3t"}}}]}`, acct)
		case p == "/2015-03-31/functions/fn-url/policy":
			b, _ := json.Marshal(map[string]string{"Policy": urlPolicy, "RevisionId": "r1"})
			w.Write(b)
		case p == "/2021-10-31/functions/fn-url/url":
			fmt.Fprintf(w, `{"FunctionUrl":"https://abc.lambda-url.us-east-1.on.aws/","FunctionArn":"%sfn-url","AuthType":"NONE"}`, acct)
		case strings.HasPrefix(p, "/2017-03-31/tags/"):
			fmt.Fprint(w, `{"Tags":{}}`)
		case strings.HasSuffix(p, "/concurrency"):
			fmt.Fprint(w, `{}`) // nothing reserved
		case strings.HasSuffix(p, "/code-signing-config"):
			fmt.Fprint(w, `{"CodeSigningConfigArn":"","FunctionName":"x"}`)
		default:
			notFound()
		}
	}))
	defer ts.Close()
	cfg := aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(ts.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
	got := runUnit(cfg, "lambda", collectLambda)
	for _, e := range got.Errors {
		t.Errorf("collection error: %s", e)
	}
	svcCheck(t, svcCase{kind: "aws.lambda.function", prefix: "AWS-LAMBDA-", tf: `
resource "aws_lambda_function" "fn-url" {
  function_name = "fn-url"
  role          = "arn:aws:iam::123456789012:role/fn-role"
  runtime       = "python3.12"
  handler       = "index.handler"
  filename      = "fn.zip"
}
resource "aws_lambda_permission" "fn-url-public" {
  function_name          = aws_lambda_function.fn-url.function_name
  statement_id           = "public-url"
  action                 = "lambda:InvokeFunctionUrl"
  principal              = "*"
  function_url_auth_type = "NONE"
}
resource "aws_lambda_function_url" "fn-url" {
  function_name      = aws_lambda_function.fn-url.function_name
  authorization_type = "NONE"
}

resource "aws_lambda_function" "fn-sealed" {
  function_name = "fn-sealed"
  role          = "arn:aws:iam::123456789012:role/fn-role"
  runtime       = "python3.12"
  handler       = "index.handler"
  filename      = "fn.zip"
  kms_key_arn   = "arn:aws:kms:us-east-1:123456789012:key/k6"
  environment {
    variables = {
      API_TOKEN = "s3cr3t"
    }
  }
}
`,
		twins: []svcTwin{
			// The public permission a NONE function URL needs is judged
			// by AWS-LAMBDA-002, not as an open permission.
			{name: "fn-url", fail: []string{"AWS-LAMBDA-002"}, pass: []string{"AWS-LAMBDA-001", "AWS-LAMBDA-003", "AWS-LAMBDA-004"}},
			// A customer key protects the secret-looking variable.
			{name: "fn-sealed", pass: []string{"AWS-LAMBDA-001", "AWS-LAMBDA-002", "AWS-LAMBDA-003", "AWS-LAMBDA-004"}},
		}}, got.Resources)
}
