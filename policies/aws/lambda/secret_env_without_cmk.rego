# METADATA
# title: "Lambda environment variables that look like secrets are not encrypted with a customer key"
# description: "Environment variables are readable by anyone with lambda:GetFunctionConfiguration; secrets in them should at least be protected by a customer managed KMS key, and better kept in Secrets Manager."
# custom:
#   id: AWS-LAMBDA-004
#   severity: medium
#   kinds: [aws.lambda.function]
#   remediation: "Move the secret to Secrets Manager or SSM Parameter Store, or set kms_key_arn to a customer managed key."
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html]
#   compliance:
#     nist-800-53-r5: ["SC-28", "IA-5"]
package vigil.rules.aws.lambda.secret_env_without_cmk

secretish := `(?i)(passw(or)?d|secret|token|api_?key|private_?key|credential|access_?key)`

deny contains {"msg": sprintf("Lambda function %s stores %s in an environment variable without a customer managed KMS key", [object.get(input, "name", input.id), name]), "path": sprintf("environment_variable_names[%d]", [i])} if {
	input.attributes.kms_key_arn == ""
	some i, name in input.attributes.environment_variable_names
	regex.match(secretish, name)
}
