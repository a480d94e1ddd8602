package tfaws

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

func TestLambdaJoinsPermissionsAndURL(t *testing.T) {
	fn := inst("aws_lambda_function", "api", map[string]any{
		"function_name": "api", "runtime": "python3.8",
		"environment": []any{map[string]any{"variables": map[string]any{"Z_TOKEN": "s3cr3t", "A_LEVEL": "info"}}},
	}, nil)
	byRef := inst("aws_lambda_permission", "any", map[string]any{"function_name": instance.Unknown, "principal": "*",
		"action": "lambda:InvokeFunction", "statement_id": "Any"}, map[string][]string{"function_name": {"aws_lambda_function.api"}})
	byRef.Range = model.Location{File: "main.tf", StartLine: 10, EndLine: 15}
	byName := inst("aws_lambda_permission", "s3", map[string]any{"function_name": "api", "principal": "s3.amazonaws.com",
		"source_arn": instance.Unknown}, nil)
	url := inst("aws_lambda_function_url", "api", map[string]any{"function_name": "api", "authorization_type": "NONE"}, nil)

	r := mapKind(t, "aws.lambda.function", 1, fn, byRef, byName, url)[0]
	a := r.Attributes.(*model.LambdaFunction)
	if a.Runtime != "python3.8" || a.TracingMode != "PassThrough" || a.URLAuthType != "NONE" {
		t.Errorf("function: %+v", a)
	}
	if !reflect.DeepEqual(a.EnvironmentVarNames, []string{"A_LEVEL", "Z_TOKEN"}) {
		t.Errorf("env names: %v", a.EnvironmentVarNames)
	}
	if len(a.Permissions) != 2 || a.Permissions[0].Principal != "*" || a.Permissions[0].StatementID != "Any" {
		t.Fatalf("permissions: %+v", a.Permissions)
	}
	if l := r.LocationOf("permissions[0]"); l == nil || l.StartLine != 10 {
		t.Errorf("permission location: %+v", l)
	}
	if !r.IsUnknown("permissions[1]") || r.IsUnknown("permissions[0]") {
		t.Errorf("unknown source_arn must make only that permission unknown: %v", r.Unknown)
	}
	if j, _ := json.Marshal(r); strings.Contains(string(j), "s3cr3t") {
		t.Error("environment values must never be copied")
	}
}

func TestLambdaUnknownEnvironment(t *testing.T) {
	fn := inst("aws_lambda_function", "api", map[string]any{"environment": []any{map[string]any{"variables": instance.Unknown}}}, nil)
	r := mapKind(t, "aws.lambda.function", 1, fn)[0]
	if !r.IsUnknown("environment_variable_names[0]") {
		t.Errorf("unknown variables: %v", r.Unknown)
	}
}
