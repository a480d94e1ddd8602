package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::Lambda::Function", model.KindLambdaFunction, func(b *builder) {
		a := model.KindLambdaFunction.Must(b.target)
		a.Name = b.nameProp("FunctionName")
		a.Runtime = b.str("Runtime", "runtime", "")
		a.Role = b.str("Role", "role", "")
		b.relate(model.RelUsesRole, a.Role)
		a.KMSKeyARN = b.str("KmsKeyArn", "kms_key_arn", "")
		b.relate(model.RelEncryptedBy, a.KMSKeyARN)
		a.TracingMode = b.str("TracingConfig.Mode", "tracing_mode", "PassThrough")
		a.EnvironmentVarNames = b.keys("Environment.Variables", "environment_variable_names")
		a.SecretsFound = b.variableSecrets("Environment.Variables", "secrets_found", "environment variable")
		a.VPCConfigured = len(b.strs("VpcConfig.SubnetIds", "vpc_configured")) > 0
		a.Permissions = []model.LambdaPermission{}
		a.PackageType = b.str("PackageType", "package_type", "Zip")
		a.DeadLetterTargetARN = b.str("DeadLetterConfig.TargetArn", "dead_letter_target_arn", "")
		// Absent: no concurrency reserved.
		a.ReservedConcurrency = b.integer("ReservedConcurrentExecutions", "reserved_concurrent_executions", -1)
		a.CodeSigningConfig = b.str("CodeSigningConfigArn", "code_signing_config_arn", "")
	})
	child("AWS::Lambda::Permission", func(c *builder) {
		for _, p := range c.parentsOf("FunctionName", "AWS::Lambda::Function") {
			c.onto(p)
			a := model.KindLambdaFunction.Must(c.target)
			mp := model.Path("permissions", len(a.Permissions))
			perm := model.LambdaPermission{
				StatementID:         c.res.id,
				Action:              c.str("Action", mp+".action", ""),
				Principal:           c.str("Principal", mp+".principal", ""),
				SourceARN:           c.str("SourceArn", mp+".source_arn", ""),
				SourceAccount:       c.str("SourceAccount", mp+".source_account", ""),
				PrincipalOrg:        c.str("PrincipalOrgID", mp+".principal_org_id", ""),
				FunctionURLAuthType: c.str("FunctionUrlAuthType", mp+".function_url_auth_type", ""),
			}
			c.locate("", mp)
			a.Permissions = append(a.Permissions, perm)
		}
	})
	child("AWS::Lambda::Url", func(c *builder) {
		for _, p := range c.parentsOf("TargetFunctionArn", "AWS::Lambda::Function") {
			c.onto(p)
			model.KindLambdaFunction.Must(c.target).URLAuthType = c.str("AuthType", "url_auth_type", "")
		}
	})
	// Qualifier is required: $LATEST is the unqualified function, what an
	// asynchronous invoker of the function's own ARN gets.
	child("AWS::Lambda::EventInvokeConfig", func(c *builder) {
		for _, p := range c.parentsOf("FunctionName", "AWS::Lambda::Function") {
			c.onto(p)
			a := model.KindLambdaFunction.Must(c.target)
			q, ok := c.get("Qualifier")
			if ok && isUnknown(q) {
				c.target.MarkUnknown("on_failure_destination")
				continue
			}
			if s, _ := q.(string); s != "$LATEST" {
				continue
			}
			a.OnFailureDest = c.str("DestinationConfig.OnFailure.Destination", "on_failure_destination", "")
		}
	})
}
