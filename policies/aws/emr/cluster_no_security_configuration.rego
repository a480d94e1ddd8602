# METADATA
# title: "Amazon EMR cluster runs without a security configuration"
# description: "Encryption at rest and in transit and Kerberos authentication are set on an EMR cluster only through a security configuration; a cluster without one has none of them."
# custom:
#   id: AWS-EMR-003
#   severity: medium
#   kinds: [aws.emr.cluster]
#   remediation: "Create an EMR security configuration with encryption at rest and in transit and launch clusters with security_configuration set to it."
#   references: [https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-security-configurations.html]
#   compliance:
#     nist-800-53-r5: ["SC-8", "SC-28"]
#     pci-dss-4.0: ["3.5.1", "4.2.1"]
package vigil.rules.aws.emr.cluster_no_security_configuration

deny contains {"msg": sprintf("Amazon EMR cluster %s runs without a security configuration", [object.get(input, "name", input.id)]), "path": "security_configuration"} if {
	input.attributes.security_configuration == ""
}
