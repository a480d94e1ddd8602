# METADATA
# title: "SageMaker notebook instance is not in a VPC"
# description: "A notebook instance without a subnet runs only in SageMaker's own network, where none of the account's security groups, network ACLs, VPC endpoints or flow logs apply to it."
# custom:
#   id: AWS-SAGEMAKER-002
#   severity: high
#   kinds: [aws.sagemaker.notebook_instance]
#   remediation: "Recreate the notebook instance with subnet_id (and security_groups) in one of the account's VPCs."
#   references: [https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html]
#   compliance:
#     aws-fsbp: ["SageMaker.2"]
#     nist-800-53-r5: ["AC-4", "SC-7"]
package vigil.rules.aws.sagemaker.notebook_not_in_vpc

deny contains {"msg": sprintf("SageMaker notebook instance %s is not launched in a VPC subnet", [object.get(input, "name", input.id)]), "path": "subnet_id"} if {
	input.attributes.subnet_id == ""
}
