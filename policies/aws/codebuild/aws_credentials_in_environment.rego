# METADATA
# title: "CodeBuild project passes AWS credentials in PLAINTEXT environment variables"
# description: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY of type PLAINTEXT are stored in the project in clear text and shown to anyone who may read the project or its builds. Builds should take AWS permissions from the project's service role. The names alone decide: values are never read into Vigil."
# custom:
#   id: AWS-CB-002
#   severity: critical
#   kinds: [aws.codebuild.project]
#   remediation: "Remove the variables: give the project a service role with the permissions the build needs, and keep any other secret in Secrets Manager or Parameter Store (variable type SECRETS_MANAGER or PARAMETER_STORE). Rotate the exposed keys."
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html, https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-env-vars.html]
#   compliance:
#     aws-fsbp: ["CodeBuild.2"]
#     pci-dss-4.0: ["8.3.2"]
#     nist-800-53-r5: ["IA-5", "SC-28"]
package vigil.rules.aws.codebuild.aws_credentials_in_environment

# The variables AWS Security Hub's CodeBuild.2 names.
credential_names := {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}

deny contains {"msg": sprintf("CodeBuild project %s sets %s as a PLAINTEXT environment variable", [object.get(input, "name", input.id), n]), "path": sprintf("plaintext_variable_names[%d]", [i])} if {
	some i, n in input.attributes.plaintext_variable_names
	upper(n) in credential_names
}
