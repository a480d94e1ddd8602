# METADATA
# title: "Amazon EMR block public access is off or allows more than SSH"
# description: "EMR block public access stops clusters from starting with security group rules open to the internet (0.0.0.0/0 or ::/0). Turned off, or with ports other than 22 exempted, a cluster can expose Hadoop, Spark and Jupyter interfaces that have no authentication of their own."
# custom:
#   id: AWS-EMR-001
#   severity: high
#   kinds: [aws.emr.block_public_access]
#   remediation: "Turn on block public access in every region (aws_emr_block_public_access_configuration block_public_security_group_rules = true) and permit no port range but 22."
#   references: [https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-block-public-access.html]
#   compliance:
#     aws-fsbp: ["EMR.2"]
#     nist-800-53-r5: ["AC-3", "SC-7"]
#     pci-dss-4.0: ["1.4.1"]
package vigil.rules.aws.emr.block_public_access_disabled

deny contains {"msg": sprintf("Amazon EMR block public access is off in region %s", [input.region]), "path": "enabled"} if {
	not input.attributes.enabled
}

deny contains {"msg": sprintf("Amazon EMR block public access in region %s permits public access on ports %s", [input.region, concat(", ", others)]), "path": "permitted_ports"} if {
	input.attributes.enabled
	others := [p | some p in input.attributes.permitted_ports; p != "22"]
	count(others) > 0
}
