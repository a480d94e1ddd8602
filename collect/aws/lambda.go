package aws

import (
	"context"
	"regexp"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/vigil-sec/vigil/internal/secretscan"
	"github.com/vigil-sec/vigil/model"
)

func init() { register("lambda", false, collectLambda) }

// collectLambda reads every function with its resource policy (as
// permissions), its function URL and its tags into aws.lambda.function.
// Environment variable values are never kept in the inventory, only their
// names and the secrets found in them (kind and variable, never the value:
// internal/secretscan, as the IaC adapters do).
func collectLambda(ctx context.Context, s *scope) {
	client := lambda.NewFromConfig(s.Config())
	p := lambda.NewListFunctionsPaginator(client, &lambda.ListFunctionsInput{})
	var functions []lambdatypes.FunctionConfiguration
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListFunctions", err)
			return
		}
		functions = append(functions, page.Functions...)
	}
	forEach(s, functions, func(fn lambdatypes.FunctionConfiguration) {
		collectLambdaFunction(ctx, s, client, fn)
	})
}

func collectLambdaFunction(ctx context.Context, s *scope, client *lambda.Client, fn lambdatypes.FunctionConfiguration) {
	arn := aws.ToString(fn.FunctionArn)
	a := &model.LambdaFunction{
		Name:                aws.ToString(fn.FunctionName),
		Runtime:             string(fn.Runtime),
		Role:                aws.ToString(fn.Role),
		KMSKeyARN:           aws.ToString(fn.KMSKeyArn),
		TracingMode:         string(lambdatypes.TracingModePassThrough),
		EnvironmentVarNames: []string{},
		Permissions:         []model.LambdaPermission{},
		VPCConfigured:       fn.VpcConfig != nil && len(fn.VpcConfig.SubnetIds) > 0,
		SecretsFound:        []model.SecretFinding{},
		PackageType:         string(fn.PackageType),
		ReservedConcurrency: -1,
	}
	if a.PackageType == "" {
		a.PackageType = string(lambdatypes.PackageTypeZip)
	}
	if fn.DeadLetterConfig != nil {
		a.DeadLetterTargetARN = aws.ToString(fn.DeadLetterConfig.TargetArn)
	}
	rd := s.reads(arn)
	if fn.TracingConfig != nil && fn.TracingConfig.Mode != "" {
		a.TracingMode = string(fn.TracingConfig.Mode)
	}
	if fn.Environment != nil {
		for k := range fn.Environment.Variables {
			a.EnvironmentVarNames = append(a.EnvironmentVarNames, k)
		}
		sort.Strings(a.EnvironmentVarNames)
		if found, err := secretscan.Variables("environment variable", fn.Environment.Variables); err != nil {
			rd.unread("secrets_found")
		} else {
			a.SecretsFound = found
		}
		// Keep the names in the evidence, never the values.
		redacted := make(map[string]string, len(fn.Environment.Variables))
		for k := range fn.Environment.Variables {
			redacted[k] = "(redacted)"
		}
		fn.Environment = &lambdatypes.EnvironmentResponse{Variables: redacted, Error: fn.Environment.Error}
	}
	raw := map[string]any{"Configuration": fn}
	rd.call("GetPolicy", []string{"permissions"}, func() error {
		pol, err := client.GetPolicy(ctx, &lambda.GetPolicyInput{FunctionName: fn.FunctionName})
		if awsCodeIn(err, "ResourceNotFoundException") || err == nil && aws.ToString(pol.Policy) == "" {
			return nil
		}
		if err != nil {
			return err
		}
		raw["Policy"] = aws.ToString(pol.Policy)
		doc, err := model.ParsePolicyDocument(aws.ToString(pol.Policy))
		if err != nil {
			return err
		}
		a.Permissions = lambdaPermissions(doc)
		return nil
	})
	rd.call("GetFunctionUrlConfig", []string{"url_auth_type"}, func() error {
		url, err := client.GetFunctionUrlConfig(ctx, &lambda.GetFunctionUrlConfigInput{FunctionName: fn.FunctionName})
		if awsCodeIn(err, "ResourceNotFoundException") {
			return nil
		}
		if err != nil {
			return err
		}
		a.URLAuthType = string(url.AuthType)
		raw["FunctionUrlConfig"] = map[string]any{"FunctionUrl": url.FunctionUrl, "AuthType": url.AuthType, "Cors": url.Cors}
		return nil
	})
	// GetFunctionConcurrency answers {} when nothing is reserved.
	rd.call("GetFunctionConcurrency", []string{"reserved_concurrent_executions"}, func() error {
		out, err := client.GetFunctionConcurrency(ctx, &lambda.GetFunctionConcurrencyInput{FunctionName: fn.FunctionName})
		if err != nil {
			return err
		}
		if out.ReservedConcurrentExecutions != nil {
			a.ReservedConcurrency = int(*out.ReservedConcurrentExecutions)
		}
		return nil
	})
	// A function without a code signing configuration answers with an empty
	// ARN; container images cannot have one, so it is not asked for them.
	if a.PackageType == string(lambdatypes.PackageTypeZip) {
		rd.call("GetFunctionCodeSigningConfig", []string{"code_signing_config_arn"}, func() error {
			out, err := client.GetFunctionCodeSigningConfig(ctx, &lambda.GetFunctionCodeSigningConfigInput{FunctionName: fn.FunctionName})
			if err != nil {
				return err
			}
			a.CodeSigningConfig = aws.ToString(out.CodeSigningConfigArn)
			return nil
		})
	}
	// The event invoke configuration of the unqualified function (what an
	// asynchronous invoker of the function's ARN gets); none is
	// ResourceNotFoundException.
	rd.call("GetFunctionEventInvokeConfig", []string{"on_failure_destination"}, func() error {
		out, err := client.GetFunctionEventInvokeConfig(ctx, &lambda.GetFunctionEventInvokeConfigInput{FunctionName: fn.FunctionName})
		if awsCodeIn(err, "ResourceNotFoundException") {
			return nil
		}
		if err != nil {
			return err
		}
		if d := out.DestinationConfig; d != nil && d.OnFailure != nil {
			a.OnFailureDest = aws.ToString(d.OnFailure.Destination)
		}
		return nil
	})
	var tags map[string]string
	rd.call("ListTags", []string{model.TagsPath}, func() error {
		out, err := client.ListTags(ctx, &lambda.ListTagsInput{Resource: fn.FunctionArn})
		if err != nil {
			return err
		}
		if len(out.Tags) > 0 {
			tags = out.Tags
		}
		return nil
	})

	var rels []model.Relation
	if a.Role != "" {
		rels = append(rels, model.Relation{Type: model.RelUsesRole, Target: a.Role})
	}
	if a.KMSKeyARN != "" {
		rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.KMSKeyARN})
	}
	if fn.VpcConfig != nil {
		if v := aws.ToString(fn.VpcConfig.VpcId); v != "" {
			rels = append(rels, model.Relation{Type: model.RelInVPC, Target: v})
		}
		for _, sn := range fn.VpcConfig.SubnetIds {
			rels = append(rels, model.Relation{Type: model.RelInSubnet, Target: sn})
		}
	}
	rd.add(model.KindLambdaFunction.With(a), a.Name, raw, tags, rels...)
}

// accountRootARN matches an account's root principal, which AddPermission
// writes for a principal given as a bare account id.
var accountRootARN = regexp.MustCompile(`^arn:aws[a-z-]*:iam::(\d{12}):root$`)

// lambdaPermissions turns the Allow statements of a function's resource
// policy into permissions with the meaning aws_lambda_permission gives its
// arguments: the principal as given (a service, an account id, an ARN or
// "*"), and the source and URL restrictions read from the conditions.
func lambdaPermissions(doc *model.PolicyDocument) []model.LambdaPermission {
	out := []model.LambdaPermission{}
	for _, st := range doc.Statements {
		if !strings.EqualFold(st.Effect, "Allow") {
			continue
		}
		p := model.LambdaPermission{StatementID: st.Sid, Action: strings.Join(st.Actions, ",")}
		switch {
		case len(st.Principals["Service"]) > 0:
			p.Principal = st.Principals["Service"][0]
		case len(st.Principals["AWS"]) > 0:
			p.Principal = st.Principals["AWS"][0]
			if m := accountRootARN.FindStringSubmatch(p.Principal); m != nil {
				p.Principal = m[1]
			}
		}
		for _, c := range st.Conditions {
			if len(c.Values) == 0 {
				continue
			}
			switch c.Key {
			case "aws:sourcearn":
				p.SourceARN = c.Values[0]
			case "aws:sourceaccount":
				p.SourceAccount = c.Values[0]
			case "aws:principalorgid":
				p.PrincipalOrg = c.Values[0]
			case "lambda:functionurlauthtype":
				p.FunctionURLAuthType = c.Values[0]
			}
		}
		out = append(out, p)
	}
	return out
}
