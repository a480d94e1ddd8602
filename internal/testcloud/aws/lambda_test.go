package aws

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

func TestLambdaOperations(t *testing.T) {
	w := fragmentWorld(t, "lambda")
	lw := w.Account(fragmentAccount).worldOf("lambda", "us-east-1").(*lambdaWorld)
	cfg, srv := testCloud(t, w)
	client := lambda.NewFromConfig(cfg)
	ctx := context.Background()
	arn := func(name string) string { return "arn:aws:lambda:us-east-1:111111111111:function:" + name }

	list, err := client.ListFunctions(ctx, &lambda.ListFunctionsInput{})
	if err != nil {
		t.Fatal(err)
	}
	var want []lambdatypes.FunctionConfiguration
	for _, fn := range lw.Functions {
		c := fn.FunctionConfiguration
		c.FunctionArn = aws.String(arn(*c.FunctionName))
		want = append(want, c)
	}
	sameJSON(t, "ListFunctions", list.Functions, want)
	if list.NextMarker != nil {
		t.Errorf("one page, yet a NextMarker %q", *list.NextMarker)
	}

	pol, err := client.GetPolicy(ctx, &lambda.GetPolicyInput{FunctionName: aws.String("public-webhook")})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(pol.Policy) != lw.Functions[0].Policy || aws.ToString(pol.RevisionId) != aws.ToString(lw.Functions[0].RevisionId) {
		t.Errorf("GetPolicy: %q %q", aws.ToString(pol.Policy), aws.ToString(pol.RevisionId))
	}
	// By ARN too, as Lambda takes either.
	if _, err := client.GetPolicy(ctx, &lambda.GetPolicyInput{FunctionName: aws.String(arn("thumbnailer"))}); err != nil {
		t.Errorf("GetPolicy by ARN: %v", err)
	}

	url, err := client.GetFunctionUrlConfig(ctx, &lambda.GetFunctionUrlConfigInput{FunctionName: aws.String("public-webhook")})
	if err != nil {
		t.Fatal(err)
	}
	u := lw.Functions[0].URL
	sameJSON(t, "GetFunctionUrlConfig", url, &lambda.GetFunctionUrlConfigOutput{FunctionUrl: u.FunctionUrl,
		FunctionArn: aws.String(arn("public-webhook")), AuthType: u.AuthType, Cors: u.Cors,
		CreationTime: u.CreationTime, LastModifiedTime: u.LastModifiedTime, InvokeMode: u.InvokeMode, ResultMetadata: url.ResultMetadata})

	tags, err := client.ListTags(ctx, &lambda.ListTagsInput{Resource: aws.String(arn("public-webhook"))})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "ListTags", tags.Tags, lw.Functions[0].Tags)

	conc, err := client.GetFunctionConcurrency(ctx, &lambda.GetFunctionConcurrencyInput{FunctionName: aws.String("billing-worker")})
	if err != nil || aws.ToInt32(conc.ReservedConcurrentExecutions) != 50 {
		t.Errorf("GetFunctionConcurrency: %+v %v", conc, err)
	}
	if conc, err := client.GetFunctionConcurrency(ctx, &lambda.GetFunctionConcurrencyInput{FunctionName: aws.String("thumbnailer")}); err != nil || conc.ReservedConcurrentExecutions != nil {
		t.Errorf("GetFunctionConcurrency without a reservation: %+v %v", conc, err)
	}
	csc, err := client.GetFunctionCodeSigningConfig(ctx, &lambda.GetFunctionCodeSigningConfigInput{FunctionName: aws.String("billing-worker")})
	if err != nil || aws.ToString(csc.CodeSigningConfigArn) != lw.Functions[1].CodeSigning || aws.ToString(csc.FunctionName) != "billing-worker" {
		t.Errorf("GetFunctionCodeSigningConfig: %+v %v", csc, err)
	}
	if csc, err := client.GetFunctionCodeSigningConfig(ctx, &lambda.GetFunctionCodeSigningConfigInput{FunctionName: aws.String("thumbnailer")}); err != nil || aws.ToString(csc.CodeSigningConfigArn) != "" {
		t.Errorf("GetFunctionCodeSigningConfig without one: %+v %v", csc, err)
	}
	eic, err := client.GetFunctionEventInvokeConfig(ctx, &lambda.GetFunctionEventInvokeConfigInput{FunctionName: aws.String("thumbnailer")})
	if err != nil || aws.ToString(eic.DestinationConfig.OnFailure.Destination) != "arn:aws:sqs:us-east-1:111111111111:thumbnailer-failed" ||
		aws.ToInt32(eic.MaximumRetryAttempts) != 2 || aws.ToString(eic.FunctionArn) != arn("thumbnailer") {
		t.Errorf("GetFunctionEventInvokeConfig: %+v %v", eic, err)
	}

	// The "absent" answers the collector reads as no policy and no URL, and
	// a function that does not exist.
	for what, call := range map[string]func() error{
		"GetPolicy without a policy": func() error {
			_, err := client.GetPolicy(ctx, &lambda.GetPolicyInput{FunctionName: aws.String("billing-worker")})
			return err
		},
		"GetFunctionUrlConfig without a URL": func() error {
			_, err := client.GetFunctionUrlConfig(ctx, &lambda.GetFunctionUrlConfigInput{FunctionName: aws.String("billing-worker")})
			return err
		},
		"GetFunctionEventInvokeConfig without one": func() error {
			_, err := client.GetFunctionEventInvokeConfig(ctx, &lambda.GetFunctionEventInvokeConfigInput{FunctionName: aws.String("billing-worker")})
			return err
		},
		"ListTags of a missing function": func() error {
			_, err := client.ListTags(ctx, &lambda.ListTagsInput{Resource: aws.String(arn("nope"))})
			return err
		},
	} {
		if code := apiCode(call()); code != "ResourceNotFoundException" {
			t.Errorf("%s: code %q", what, code)
		}
	}
	if st := srv.Stats(); len(st.Unhandled) > 0 {
		t.Errorf("unhandled: %v", st.Unhandled)
	}
}

// ListFunctions pages 50 functions at most, and honours a smaller MaxItems.
func TestLambdaListFunctionsPages(t *testing.T) {
	w := fragmentWorld(t, "lambda")
	big := &lambdaWorld{}
	for i := range 123 {
		big.Functions = append(big.Functions, lambdaFunction{FunctionConfiguration: lambdatypes.FunctionConfiguration{
			FunctionName: aws.String(fmt.Sprintf("fn-%03d", i)), Runtime: lambdatypes.RuntimePython312}})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "lambda", big)
	cfg, _ := testCloud(t, w)
	client := lambda.NewFromConfig(cfg, func(o *lambda.Options) { o.Region = "eu-west-1" })
	for _, tc := range []struct {
		max   int32
		pages []int
	}{{0, []int{50, 50, 23}}, {1000, []int{50, 50, 23}}, {40, []int{40, 40, 40, 3}}} {
		p := lambda.NewListFunctionsPaginator(client, &lambda.ListFunctionsInput{MaxItems: aws.Int32(tc.max)})
		if tc.max == 0 {
			p = lambda.NewListFunctionsPaginator(client, &lambda.ListFunctionsInput{})
		}
		var sizes []int
		var names []string
		for p.HasMorePages() {
			page, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, len(page.Functions))
			for _, fn := range page.Functions {
				names = append(names, *fn.FunctionName)
			}
		}
		if fmt.Sprint(sizes) != fmt.Sprint(tc.pages) || len(names) != 123 || names[122] != "fn-122" {
			t.Errorf("MaxItems %d: pages %v, %d functions", tc.max, sizes, len(names))
		}
	}
	_, err := client.ListFunctions(context.Background(), &lambda.ListFunctionsInput{Marker: aws.String("bogus")})
	if code := apiCode(err); code != "InvalidParameterValueException" {
		t.Errorf("a bad Marker: %q", code)
	}
}

// The collector reads the public webhook's policy and URL, and the private
// worker as having neither.
func TestLambdaCollect(t *testing.T) {
	res, srv := collect(t, fragmentWorld(t, "lambda"), "lambda")
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	if st := srv.Stats(); len(st.Unhandled) > 0 {
		t.Errorf("unhandled: %v", st.Unhandled)
	}
	fns := byKind(res.Resources)["aws.lambda.function"]
	if len(fns) != 5 {
		t.Fatalf("functions: %v", fns)
	}
	pub := fns["public-webhook"]
	a := pub.Attributes.(*model.LambdaFunction)
	if pub.ID != "arn:aws:lambda:us-east-1:111111111111:function:public-webhook" || a.URLAuthType != "NONE" ||
		len(a.Permissions) != 1 || a.Permissions[0].Principal != "*" || a.Permissions[0].FunctionURLAuthType != "NONE" ||
		a.Permissions[0].Action != "lambda:InvokeFunctionUrl" || a.VPCConfigured || a.TracingMode != "PassThrough" ||
		fmt.Sprint(a.EnvironmentVarNames) != "[SLACK_TOKEN STAGE]" || pub.Tags["exposure"] != "public" {
		t.Errorf("public-webhook: %+v %+v", pub, a)
	}
	if strings.Contains(string(pub.Raw), "xoxb") {
		t.Errorf("an environment value reached the inventory: %s", pub.Raw)
	}
	priv := fns["billing-worker"].Attributes.(*model.LambdaFunction)
	if priv.URLAuthType != "" || len(priv.Permissions) != 0 || !priv.VPCConfigured || priv.TracingMode != "Active" ||
		priv.KMSKeyARN == "" || len(fns["billing-worker"].Unknown) != 0 {
		t.Errorf("billing-worker: %+v", priv)
	}
	thumbs := fns["thumbnailer"].Attributes.(*model.LambdaFunction)
	if len(thumbs.Permissions) != 1 || thumbs.Permissions[0].Principal != "s3.amazonaws.com" ||
		thumbs.Permissions[0].SourceARN != "arn:aws:s3:::uploads-111111111111" || thumbs.Permissions[0].SourceAccount != "111111111111" {
		t.Errorf("thumbnailer: %+v", thumbs.Permissions)
	}
	if priv.ReservedConcurrency != 50 || priv.CodeSigningConfig != "arn:aws:lambda:us-east-1:111111111111:code-signing-config:csc-0a1b2c3d4e5f60718" ||
		priv.DeadLetterTargetARN != "arn:aws:sqs:us-east-1:111111111111:billing-worker-dlq" || priv.OnFailureDest != "" || priv.PackageType != "Zip" {
		t.Errorf("billing-worker depth: %+v", priv)
	}
	if thumbs.ReservedConcurrency != -1 || thumbs.CodeSigningConfig != "" || thumbs.DeadLetterTargetARN != "" ||
		thumbs.OnFailureDest != "arn:aws:sqs:us-east-1:111111111111:thumbnailer-failed" {
		t.Errorf("thumbnailer depth: %+v", thumbs)
	}
	engine, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := verdicts(t, engine, res.Resources)
	for fn, want := range map[string]model.Status{"order-events": model.StatusFail, "thumbnailer": model.StatusPass, "billing-worker": model.StatusPass} {
		if v := got["AWS-LAMBDA-021 "+fns[fn].ID]; v != want {
			t.Errorf("%s: AWS-LAMBDA-021 %v, want %v", fn, v, want)
		}
	}
}
