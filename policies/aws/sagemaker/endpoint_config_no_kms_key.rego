# METADATA
# title: "SageMaker endpoint configuration does not encrypt its data with a KMS key"
# description: "Without a KMS key the endpoint's storage volumes (model artifacts, captured data) are not encrypted with a key the owner controls and audits."
# custom:
#   id: AWS-SAGEMAKER-005
#   severity: medium
#   kinds: [aws.sagemaker.endpoint_config]
#   remediation: "Create a new endpoint configuration with kms_key_arn set to a customer-managed KMS key and update the endpoint to it."
#   references: [https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html]
#   compliance:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.sagemaker.endpoint_config_no_kms_key

deny contains {"msg": sprintf("SageMaker endpoint configuration %s does not encrypt its data with a KMS key", [object.get(input, "name", input.id)]), "path": "kms_key_id"} if {
	input.attributes.kms_key_id == ""
}
