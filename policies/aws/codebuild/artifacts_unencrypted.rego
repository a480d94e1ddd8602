# METADATA
# title: "CodeBuild project writes build artifacts unencrypted"
# description: "With encryptionDisabled set on an artifact, CodeBuild writes the build output to S3 without encryption; the output may carry configuration and credentials baked in at build time."
# custom:
#   id: AWS-CB-007
#   severity: medium
#   kinds: [aws.codebuild.project]
#   remediation: "Clear encryptionDisabled (Terraform: encryption_disabled = false) on the project's artifacts and secondary artifacts; set the project's encryption key to a customer managed KMS key where the artifacts are sensitive."
#   references: [https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectArtifacts.html, https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html]
#   compliance:
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.codebuild.artifacts_unencrypted

deny contains {"msg": sprintf("CodeBuild project %s writes its %s artifacts without encryption", [object.get(input, "name", input.id), ar]), "path": sprintf("unencrypted_artifacts[%d]", [i])} if {
	some i, ar in input.attributes.unencrypted_artifacts
}
