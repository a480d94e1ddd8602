# METADATA
# title: "MSK cluster data is encrypted with an AWS-managed key"
# description: "MSK always encrypts broker volumes; with the AWS-managed key, key policy, rotation and revocation stay out of the owner's control and the audit trail of key use is shared."
# custom:
#   id: AWS-MSK-005
#   severity: low
#   kinds: [aws.msk.cluster]
#   remediation: "Create the cluster with encryption_info encryption_at_rest_kms_key_arn set to a customer-managed KMS key."
#   references: [https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html]
#   compliance:
#     nist-800-53-r5: ["SC-12", "SC-28"]
package vigil.rules.aws.msk.at_rest_aws_managed_key

deny contains {"msg": sprintf("MSK cluster %s encrypts its data with an AWS-managed key, not a customer-managed one", [object.get(input, "name", input.id)]), "path": "kms_key_id"} if {
	input.attributes.type == "PROVISIONED"
	input.attributes.kms_key_id == ""
}
