# METADATA
# title: Default security group allows traffic
# description: Resources launched without an explicit security group land in the VPC's default group; any rule in it silently grants them access.
# custom:
#   id: AWS-EC2-006
#   severity: medium
#   kinds: [aws.ec2.security_group]
#   remediation: Manage the group with aws_default_security_group without ingress or egress blocks, which removes all its rules, and use dedicated security groups.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html]
#   compliance:
#     cis-aws-3.0: ["5.4"]
#     cis-aws-5.0: ["5.5"]
#     cis-aws-7.0: ["6.5"]
#     pci-dss-4.0: ["1.2.1"]
#     nist-800-53-r5: ["AC-4", "SC-7"]
package vigil.rules.aws.ec2.default_sg_rules

# The two lists are named, not indexed by a variable: a read of all the
# attributes would overlap what IaC leaves unknown (network_interface_count).
rules_of := {"ingress": input.attributes.ingress, "egress": input.attributes.egress}

deny contains {"msg": msg, "path": sprintf("%s[%d]", [dir, i])} if {
	input.attributes.is_default == true
	some dir, rules in rules_of
	some i, _ in rules
	msg := sprintf("default security group of VPC %s has %s rule %d", [input.attributes.vpc_id, dir, i])
}
