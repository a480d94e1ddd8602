# METADATA
# title: "SageMaker notebook instance has direct internet access"
# description: "With direct internet access SageMaker gives the notebook its own route to the internet, around the VPC's security groups, network ACLs, proxies and flow logs: data can leave and code can come in unseen."
# custom:
#   id: AWS-SAGEMAKER-001
#   severity: high
#   kinds: [aws.sagemaker.notebook_instance]
#   remediation: "Recreate the notebook instance in a VPC subnet with direct_internet_access = \"Disabled\" (it cannot be changed in place); give it internet access through a NAT gateway if it needs any."
#   references: [https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html]
#   compliance:
#     aws-fsbp: ["SageMaker.1"]
#     nist-800-53-r5: ["AC-4", "SC-7"]
#     pci-dss-4.0: ["1.4.1"]
package vigil.rules.aws.sagemaker.notebook_direct_internet_access

deny contains {"msg": sprintf("SageMaker notebook instance %s has direct internet access", [object.get(input, "name", input.id)]), "path": "direct_internet_access"} if {
	input.attributes.direct_internet_access
}
