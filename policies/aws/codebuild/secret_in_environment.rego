# METADATA
# title: "CodeBuild PLAINTEXT environment variable holds a secret"
# description: "PLAINTEXT environment variables are stored in the project in clear text, returned by codebuild:BatchGetProjects and shown in the console and in build details. A credential, token or private key in one leaks to all who may read them. Found with gitleaks' rule set in the variable's name and value; the finding names the variable and the kind of secret, never the value."
# custom:
#   id: AWS-CB-003
#   severity: high
#   kinds: [aws.codebuild.project]
#   remediation: "Store the secret in Secrets Manager or SSM Parameter Store (SecureString) and reference it with a variable of type SECRETS_MANAGER or PARAMETER_STORE; rotate the secret that was exposed."
#   references: [https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-env-vars.html, https://docs.aws.amazon.com/codebuild/latest/userguide/security-best-practices.html]
#   compliance:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     pci-dss-4.0: ["8.3.2", "8.6.2"]
package vigil.rules.aws.codebuild.secret_in_environment

deny contains {"msg": msg, "path": sprintf("secrets_found[%d]", [i])} if {
	some i, f in input.attributes.secrets_found
	msg := sprintf("CodeBuild project %s has a secret (%s) in %s", [object.get(input, "name", input.id), f.kind, f.location])
}
