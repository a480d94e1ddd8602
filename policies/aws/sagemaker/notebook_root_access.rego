# METADATA
# title: "SageMaker notebook instance gives its users root access"
# description: "With root access any notebook user can change the instance's software and configuration, and read everything the instance role can reach from any process on it."
# custom:
#   id: AWS-SAGEMAKER-003
#   severity: high
#   kinds: [aws.sagemaker.notebook_instance]
#   remediation: "Set root_access = \"Disabled\" on the notebook instance (it applies at the next start); use lifecycle configurations, which run as root, for set-up."
#   references: [https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html]
#   compliance:
#     aws-fsbp: ["SageMaker.3"]
#     nist-800-53-r5: ["AC-2", "AC-6"]
#     pci-dss-4.0: ["7.2.1"]
package vigil.rules.aws.sagemaker.notebook_root_access

deny contains {"msg": sprintf("SageMaker notebook instance %s gives its users root access", [object.get(input, "name", input.id)]), "path": "root_access"} if {
	input.attributes.root_access
}
