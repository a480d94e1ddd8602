package tfaws

import (
	"sort"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// Lambda: aws_lambda_function joined with its aws_lambda_permission
// statements and its aws_lambda_function_url.
func init() {
	fnTypes := []string{"aws_lambda_function"}
	registerParent("aws_lambda_function", model.KindLambdaFunction, func(b *Builder) {
		a := model.KindLambdaFunction.Must(b.R)
		a.Name = b.NameFrom("function_name")
		a.Runtime = b.String("runtime", "runtime", "")
		a.Role = b.String("role", "role", "")
		a.KMSKeyARN = b.String("kms_key_arn", "kms_key_arn", "")
		a.TracingMode = b.String("tracing_config[0].mode", "tracing_mode", "PassThrough")
		a.EnvironmentVarNames = envVarNames(b)
		a.SecretsFound = variableSecrets(b, "environment[0].variables", "secrets_found", "environment variable")
		a.VPCConfigured = len(b.Strings("vpc_config[0].subnet_ids", "vpc_configured")) > 0
		a.PackageType = b.String("package_type", "package_type", "Zip")
		a.DeadLetterTargetARN = b.String("dead_letter_config[0].target_arn", "dead_letter_target_arn", "")
		// -1 is the provider's default: no concurrency reserved.
		a.ReservedConcurrency = b.Int("reserved_concurrent_executions", "reserved_concurrent_executions", -1)
		a.CodeSigningConfig = b.String("code_signing_config_arn", "code_signing_config_arn", "")
		if a.Permissions == nil {
			a.Permissions = []model.LambdaPermission{}
		}
	})
	registerChild("aws_lambda_permission", "function_name", fnTypes, func(p *Builder, c *Child) {
		a := model.KindLambdaFunction.Must(p.R)
		i := len(a.Permissions)
		at := func(field string) string { return model.Path("permissions", i, field) }
		perm := model.LambdaPermission{
			StatementID:         c.String("statement_id", at("statement_id"), ""),
			Action:              c.String("action", at("action"), ""),
			Principal:           c.String("principal", at("principal"), ""),
			SourceARN:           c.String("source_arn", at("source_arn"), ""),
			SourceAccount:       c.String("source_account", at("source_account"), ""),
			PrincipalOrg:        c.String("principal_org_id", at("principal_org_id"), ""),
			FunctionURLAuthType: c.String("function_url_auth_type", at("function_url_auth_type"), ""),
		}
		a.Permissions = append(a.Permissions, perm)
		c.locate("", model.Path("permissions", i))
	})
	registerChild("aws_lambda_function_url", "function_name", fnTypes, func(p *Builder, c *Child) {
		a := model.KindLambdaFunction.Must(p.R)
		a.URLAuthType = c.String("authorization_type", "url_auth_type", "")
	})
	registerChild("aws_lambda_function_event_invoke_config", "function_name", fnTypes, func(p *Builder, c *Child) {
		a := model.KindLambdaFunction.Must(p.R)
		// The configuration of a version or an alias is not what an
		// asynchronous invoker of the function's own ARN gets.
		if q, ok := c.Lookup("qualifier"); ok {
			if instance.IsUnknown(q) {
				p.Target().MarkUnknown("on_failure_destination")
				return
			}
			if s, _ := q.(string); s != "" && s != "$LATEST" {
				return
			}
		}
		a.OnFailureDest = c.String("destination_config[0].on_failure[0].destination", "on_failure_destination", "")
	})
}

// envVarNames lists the names (never the values) of the function's
// environment variables, sorted.
func envVarNames(b *Builder) []string {
	v, ok := b.Lookup("environment[0].variables")
	if !ok {
		return nil
	}
	b.locate("environment[0].variables", "environment_variable_names")
	m, ok := v.(map[string]any)
	if !ok {
		if instance.IsUnknown(v) {
			b.Target().MarkUnknown("environment_variable_names")
		}
		return nil
	}
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
