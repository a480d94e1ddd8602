# METADATA
# title: "CodeBuild project keeps no build logs"
# description: "With both CloudWatch Logs and S3 logs disabled, what a build ran and printed is kept nowhere, so a tampered build or a leaked secret cannot be investigated."
# custom:
#   id: AWS-CB-005
#   severity: medium
#   kinds: [aws.codebuild.project]
#   remediation: "Enable CloudWatch Logs (the default) or S3 logs in the project's logs configuration."
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html, https://docs.aws.amazon.com/codebuild/latest/APIReference/API_LogsConfig.html]
#   compliance:
#     aws-fsbp: ["CodeBuild.4"]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
package vigil.rules.aws.codebuild.logging_disabled

deny contains {"msg": sprintf("CodeBuild project %s sends its build logs neither to CloudWatch Logs nor to S3", [object.get(input, "name", input.id)]), "path": "cloudwatch_logs_enabled"} if {
	input.attributes.cloudwatch_logs_enabled == false
	input.attributes.s3_logs_enabled == false
}
