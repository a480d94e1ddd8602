# METADATA
# title: "Lambda environment variable holds a secret"
# description: "Environment variables are returned in clear text to anyone who may call lambda:GetFunctionConfiguration or lambda:GetFunction, and shown in the console. A credential, token or private key in one leaks to all of them. Found with gitleaks' rule set in the variable's value; the finding names the variable and the kind of secret, never the value."
# custom:
#   id: AWS-SECRET-003
#   severity: high
#   kinds: [aws.lambda.function]
#   remediation: "Keep the secret in Secrets Manager or SSM Parameter Store (SecureString), put its name in the variable, and read it at run time (the AWS Parameters and Secrets Lambda Extension caches it); rotate the secret that was exposed."
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html, https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html]
#   compliance:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     pci-dss-4.0: ["8.3.2", "8.6.2"]
package vigil.rules.aws.secrets.lambda_environment

deny contains {"msg": msg, "path": sprintf("secrets_found[%d]", [i])} if {
	some i, f in input.attributes.secrets_found
	msg := sprintf("Lambda function %s has a secret (%s) in %s", [object.get(input, "name", input.id), f.kind, f.location])
}
