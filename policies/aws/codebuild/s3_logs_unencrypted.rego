# METADATA
# title: "CodeBuild project writes S3 build logs unencrypted"
# description: "Build logs may hold what the build printed: environment details, tokens echoed by scripts. With encryptionDisabled set, CodeBuild writes them to S3 without encryption."
# custom:
#   id: AWS-CB-006
#   severity: low
#   kinds: [aws.codebuild.project]
#   remediation: "Clear encryptionDisabled (Terraform: encryption_disabled = false) in the project's S3 logs configuration."
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html, https://docs.aws.amazon.com/codebuild/latest/APIReference/API_S3LogsConfig.html]
#   compliance:
#     aws-fsbp: ["CodeBuild.3"]
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.codebuild.s3_logs_unencrypted

deny contains {"msg": sprintf("CodeBuild project %s writes its S3 build logs without encryption", [object.get(input, "name", input.id)]), "path": "s3_logs_encryption_disabled"} if {
	input.attributes.s3_logs_encryption_disabled == true
}
