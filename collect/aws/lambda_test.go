package aws

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func lambdaZip(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("index.py")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("def handler(event, context):\n    return 'ok'\n")); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLambdaAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	cfg := srv.Config(t, "us-east-1")
	ctx := context.Background()
	// moto's CreateFunction wants a role that exists in its IAM.
	role, err := iam.NewFromConfig(cfg).CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String("fn-role"),
		AssumeRolePolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`)})
	if err != nil {
		t.Fatal(err)
	}
	client := lambda.NewFromConfig(cfg)
	code := lambdaZip(t)
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(client.CreateFunction(ctx, &lambda.CreateFunctionInput{FunctionName: aws.String("open-fn"), Runtime: lambdatypes.RuntimePython38,
		Role: role.Role.Arn, Handler: aws.String("index.handler"), Code: &lambdatypes.FunctionCode{ZipFile: code},
		Environment: &lambdatypes.Environment{Variables: map[string]string{"DB_PASSWORD": "hunter2", "STAGE": "prod", "SLACK_BOT": plantedSlackBot}},
		Tags:        map[string]string{"team": "api"}}))
	must(client.CreateFunction(ctx, &lambda.CreateFunctionInput{FunctionName: aws.String("scoped-fn"), Runtime: lambdatypes.RuntimePython312,
		Role: role.Role.Arn, Handler: aws.String("index.handler"), Code: &lambdatypes.FunctionCode{ZipFile: code},
		TracingConfig:        &lambdatypes.TracingConfig{Mode: lambdatypes.TracingModeActive},
		KMSKeyArn:            aws.String("arn:aws:kms:us-east-1:123456789012:key/abcd"),
		DeadLetterConfig:     &lambdatypes.DeadLetterConfig{TargetArn: aws.String("arn:aws:sqs:us-east-1:123456789012:scoped-dlq")},
		CodeSigningConfigArn: aws.String("arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0")}))
	must(client.PutFunctionConcurrency(ctx, &lambda.PutFunctionConcurrencyInput{FunctionName: aws.String("scoped-fn"), ReservedConcurrentExecutions: aws.Int32(25)}))
	must(client.PutFunctionEventInvokeConfig(ctx, &lambda.PutFunctionEventInvokeConfigInput{FunctionName: aws.String("scoped-fn"),
		DestinationConfig: &lambdatypes.DestinationConfig{OnFailure: &lambdatypes.OnFailure{Destination: aws.String("arn:aws:sqs:us-east-1:123456789012:scoped-failed")}}}))
	must(client.CreateFunction(ctx, &lambda.CreateFunctionInput{FunctionName: aws.String("bare-fn"), Runtime: lambdatypes.RuntimePython312,
		Role: role.Role.Arn, Handler: aws.String("index.handler"), Code: &lambdatypes.FunctionCode{ZipFile: code}}))
	must(client.AddPermission(ctx, &lambda.AddPermissionInput{FunctionName: aws.String("open-fn"), StatementId: aws.String("anyone"),
		Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("*")}))
	must(client.AddPermission(ctx, &lambda.AddPermissionInput{FunctionName: aws.String("scoped-fn"), StatementId: aws.String("from-bucket"),
		Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("s3.amazonaws.com"),
		SourceArn: aws.String("arn:aws:s3:::uploads"), SourceAccount: aws.String("123456789012")}))
	must(client.AddPermission(ctx, &lambda.AddPermissionInput{FunctionName: aws.String("scoped-fn"), StatementId: aws.String("from-topic"),
		Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("*"), SourceArn: aws.String("arn:aws:sns:us-east-1:123456789012:jobs")}))
	must(client.CreateFunctionUrlConfig(ctx, &lambda.CreateFunctionUrlConfigInput{FunctionName: aws.String("open-fn"), AuthType: lambdatypes.FunctionUrlAuthTypeNone}))
	must(client.CreateFunctionUrlConfig(ctx, &lambda.CreateFunctionUrlConfigInput{FunctionName: aws.String("scoped-fn"), AuthType: lambdatypes.FunctionUrlAuthTypeAwsIam}))

	res := collectMoto(t, srv, []string{"lambda"})
	noErrors(t, res)
	fns := byKind(res, "aws.lambda.function")
	open, scoped, bare := fns["open-fn"], fns["scoped-fn"], fns["bare-fn"]
	if open == nil || scoped == nil || bare == nil {
		t.Fatalf("functions: %v", fns)
	}
	if open.ID != "arn:aws:lambda:us-east-1:123456789012:function:open-fn" || open.Tags["team"] != "api" || len(open.Raw) == 0 {
		t.Errorf("identity: %+v", open)
	}
	if b, _ := json.Marshal(open); strings.Contains(string(b), "hunter2") || strings.Contains(string(b), plantedSlackBot) {
		t.Errorf("an environment variable value reached the inventory: %s", open.Raw)
	}
	oa := open.Attributes.(*model.LambdaFunction)
	if oa.Runtime != "python3.8" || oa.Role != aws.ToString(role.Role.Arn) || oa.TracingMode != "PassThrough" || oa.KMSKeyARN != "" ||
		strings.Join(oa.EnvironmentVarNames, ",") != "DB_PASSWORD,SLACK_BOT,STAGE" || oa.URLAuthType != "NONE" || oa.VPCConfigured {
		t.Errorf("open-fn: %+v", oa)
	}
	if len(oa.Permissions) != 1 || oa.Permissions[0] != (model.LambdaPermission{StatementID: "anyone", Action: "lambda:InvokeFunction", Principal: "*"}) {
		t.Errorf("open-fn permissions: %+v", oa.Permissions)
	}
	sa := scoped.Attributes.(*model.LambdaFunction)
	// moto gap (5.2): CreateFunction accepts KMSKeyArn but the function
	// configuration it returns leaves it out, so kms_key_arn stays empty.
	if sa.TracingMode != "Active" || sa.URLAuthType != "AWS_IAM" || len(sa.EnvironmentVarNames) != 0 {
		t.Errorf("scoped-fn: %+v", sa)
	}
	// moto gap (5.2): ListFunctions leaves DeadLetterConfig out (the wire
	// format test reads it).
	if sa.ReservedConcurrency != 25 ||
		sa.OnFailureDest != "arn:aws:sqs:us-east-1:123456789012:scoped-failed" || sa.PackageType != "Zip" ||
		sa.CodeSigningConfig != "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0" {
		t.Errorf("scoped-fn depth: %+v", sa)
	}
	if oa.ReservedConcurrency != -1 || oa.DeadLetterTargetARN != "" || oa.OnFailureDest != "" || oa.CodeSigningConfig != "" {
		t.Errorf("open-fn depth: %+v", oa)
	}
	perms := map[string]model.LambdaPermission{}
	for _, p := range sa.Permissions {
		perms[p.StatementID] = p
	}
	if p := perms["from-bucket"]; p.Principal != "s3.amazonaws.com" || p.SourceARN != "arn:aws:s3:::uploads" || p.SourceAccount != "123456789012" {
		t.Errorf("from-bucket: %+v", p)
	}
	if p := perms["from-topic"]; p.Principal != "*" || p.SourceARN != "arn:aws:sns:us-east-1:123456789012:jobs" {
		t.Errorf("from-topic: %+v", p)
	}
	if ba := bare.Attributes.(*model.LambdaFunction); len(ba.Permissions) != 0 || ba.URLAuthType != "" {
		t.Errorf("bare-fn (no policy, no URL): %+v", ba)
	}

	fails := failing(t, res.Resources)
	// The Slack token is found; "hunter2" is too weak a secret for
	// gitleaks' entropy threshold (AWS-LAMBDA-004 judges the names).
	if len(oa.SecretsFound) != 1 || oa.SecretsFound[0] != (model.SecretFinding{Kind: "slack-bot-token", Location: "environment variable SLACK_BOT"}) || len(sa.SecretsFound) != 0 {
		t.Errorf("secrets: %+v / %+v", oa.SecretsFound, sa.SecretsFound)
	}
	for _, id := range []string{"AWS-LAMBDA-001", "AWS-LAMBDA-002", "AWS-LAMBDA-003", "AWS-LAMBDA-004", "AWS-SECRET-003"} {
		if !fails["open-fn"][id] || fails["scoped-fn"][id] || fails["bare-fn"][id] {
			t.Errorf("%s: open %v, scoped %v, bare %v", id, fails["open-fn"], fails["scoped-fn"], fails["bare-fn"])
		}
	}
}

func TestLambdaPermissionsFromPolicy(t *testing.T) {
	doc, err := model.ParsePolicyDocument(`{"Version":"2012-10-17","Statement":[
	 {"Sid":"acct","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"lambda:InvokeFunction","Resource":"*"},
	 {"Sid":"org","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}},
	 {"Sid":"url","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunctionUrl","Resource":"*","Condition":{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}},
	 {"Sid":"src","Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"*","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:events:us-east-1:1:rule/x"}}},
	 {"Sid":"deny","Effect":"Deny","Principal":"*","Action":"lambda:InvokeFunction","Resource":"*"}]}`)
	if err != nil {
		t.Fatal(err)
	}
	got := lambdaPermissions(doc)
	want := []model.LambdaPermission{
		{StatementID: "acct", Action: "lambda:InvokeFunction", Principal: "210987654321"},
		{StatementID: "org", Action: "lambda:InvokeFunction", Principal: "*", PrincipalOrg: "o-abc"},
		{StatementID: "url", Action: "lambda:InvokeFunctionUrl", Principal: "*", FunctionURLAuthType: "NONE"},
		{StatementID: "src", Action: "lambda:InvokeFunction", Principal: "events.amazonaws.com", SourceARN: "arn:aws:events:us-east-1:1:rule/x"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("[%d] got %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestLambdaWireFormat covers what moto cannot show: KMSKeyArn (moto drops
// it from the function configuration) and a GetPolicy that is denied. A
// small server answers in Lambda's REST-JSON wire format.
func TestLambdaWireFormat(t *testing.T) {
	fnARN := "arn:aws:lambda:us-east-1:123456789012:function:sealed"
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case strings.TrimSuffix(r.URL.Path, "/") == "/2015-03-31/functions":
			fmt.Fprintf(w, `{"Functions":[{"FunctionName":"sealed","FunctionArn":%q,"Runtime":"nodejs20.x",
				"Role":"arn:aws:iam::123456789012:role/r","KMSKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k",
				"TracingConfig":{"Mode":"Active"},"DeadLetterConfig":{"TargetArn":"arn:aws:sqs:us-east-1:123456789012:dlq"},"Environment":{"Variables":{"API_TOKEN":"s3cr3t"}},
				"VpcConfig":{"SubnetIds":["subnet-1"],"SecurityGroupIds":["sg-1"],"VpcId":"vpc-1"}}]}`, fnARN)
		case strings.HasSuffix(r.URL.Path, "/policy"):
			w.Header().Set("X-Amzn-ErrorType", "AccessDeniedException")
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprint(w, `{"Message":"not allowed"}`)
		case strings.HasSuffix(r.URL.Path, "/url"):
			w.Header().Set("X-Amzn-ErrorType", "ResourceNotFoundException")
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"Type":"User","Message":"The resource you requested does not exist."}`)
		case strings.HasPrefix(r.URL.Path, "/2017-03-31/tags/"):
			fmt.Fprint(w, `{"Tags":{"team":"payments"}}`)
		case strings.HasSuffix(r.URL.Path, "/concurrency"):
			fmt.Fprint(w, `{"ReservedConcurrentExecutions":10}`)
		case strings.HasSuffix(r.URL.Path, "/code-signing-config"):
			// Lambda's answer for a function without one: an empty ARN.
			fmt.Fprint(w, `{"CodeSigningConfigArn":"","FunctionName":"sealed"}`)
		case strings.HasSuffix(r.URL.Path, "/event-invoke-config"):
			w.Header().Set("X-Amzn-ErrorType", "ResourceNotFoundException")
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"Type":"User","Message":"The function sealed doesn't have an EventInvokeConfig"}`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer ts.Close()
	cfg := aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(ts.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
	got := runUnit(cfg, "lambda", collectLambda)

	if len(got.Resources) != 1 {
		t.Fatalf("resources: %+v", got.Resources)
	}
	r := got.Resources[0]
	a := r.Attributes.(*model.LambdaFunction)
	if r.ID != fnARN || a.KMSKeyARN != "arn:aws:kms:us-east-1:123456789012:key/k" || a.TracingMode != "Active" || !a.VPCConfigured ||
		a.URLAuthType != "" || len(a.Permissions) != 0 || r.Tags["team"] != "payments" || strings.Join(a.EnvironmentVarNames, ",") != "API_TOKEN" ||
		a.ReservedConcurrency != 10 || a.DeadLetterTargetARN != "arn:aws:sqs:us-east-1:123456789012:dlq" || a.CodeSigningConfig != "" || a.OnFailureDest != "" || a.PackageType != "Zip" {
		t.Errorf("sealed: %+v %+v", r, a)
	}
	if strings.Contains(string(r.Raw), "s3cr3t") {
		t.Errorf("an environment variable value reached the inventory: %s", r.Raw)
	}
	if len(got.Errors) != 1 || got.Errors[0].Operation != "GetPolicy" || got.Errors[0].Code != "AccessDeniedException" {
		t.Errorf("errors (a missing URL or event invoke configuration is not one): %+v", got.Errors)
	}
	// The refused policy read leaves the permissions unknown, not empty.
	if !r.IsUnknown("permissions[0]") || r.IsUnknown("url_auth_type") {
		t.Errorf("unknown: %v", r.Unknown)
	}
	if fails := failing(t, got.Resources); fails["sealed"]["AWS-LAMBDA-004"] {
		t.Errorf("a customer key protects the secret-looking variable: %v", fails)
	}
}

// plantedSlackBot is shaped like a Slack bot token and valid nowhere.
const plantedSlackBot = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"
