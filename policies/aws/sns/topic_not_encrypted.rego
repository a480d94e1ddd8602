# METADATA
# title: "SNS topic is not encrypted"
# description: "Messages of an SNS topic without server-side encryption are stored unencrypted while awaiting delivery."
# custom:
#   id: AWS-SNS-001
#   severity: medium
#   kinds: [aws.sns.topic]
#   remediation: "Set kms_master_key_id to a KMS key (alias/aws/sns or a customer managed key)."
#   references: [https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html]
#   compliance:
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.sns.topic_not_encrypted

deny contains {"msg": sprintf("SNS topic %s has no server-side encryption", [object.get(input, "name", input.id)]), "path": "kms_master_key_id"} if {
	input.attributes.kms_master_key_id == ""
}
