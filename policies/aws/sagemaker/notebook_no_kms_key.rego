# METADATA
# title: "SageMaker notebook instance storage is not encrypted with a customer-managed key"
# description: "Without a KMS key of the account's own, the notebook's ML storage volume (code, data copies, credentials in files) is encrypted with an AWS-managed key whose policy, rotation and revocation the owner does not control."
# custom:
#   id: AWS-SAGEMAKER-004
#   severity: medium
#   kinds: [aws.sagemaker.notebook_instance]
#   remediation: "Recreate the notebook instance with kms_key_id set to a customer-managed KMS key."
#   references: [https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html]
#   compliance:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.sagemaker.notebook_no_kms_key

deny contains {"msg": sprintf("SageMaker notebook instance %s does not encrypt its storage with a customer-managed KMS key", [object.get(input, "name", input.id)]), "path": "kms_key_id"} if {
	input.attributes.kms_key_id == ""
}
