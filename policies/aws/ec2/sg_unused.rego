# METADATA
# title: "Security group is attached to nothing"
# description: >-
#   A security group that no network interface carries protects nothing: every use of a group in
#   a VPC (an instance, a load balancer, a database, a function in a VPC, an endpoint, a task) is
#   a network interface that carries it. Unused groups pile up with rules nobody reviews, and the
#   next instance launched into one inherits whatever they open. A VPC's default group cannot be
#   deleted and is judged by its own rule. The number of interfaces is read live; IaC leaves it
#   unknown (what attaches a group may be declared in any configuration), so only a live scan
#   judges it.
# custom:
#   id: AWS-EC2-027
#   severity: low
#   kinds: [aws.ec2.security_group]
#   remediation: "Delete the group (aws ec2 delete-security-group --group-id ...) if nothing is meant to use it, after checking that no launch template, Auto Scaling group or other group's rule refers to it."
#   references:
#     - https://docs.aws.amazon.com/vpc/latest/userguide/deleting-security-groups.html
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-22
#   compliance:
#     aws-fsbp: ["EC2.22"]
#     nist-800-53-r5: ["CM-7", "CM-8"]
package vigil.rules.aws.ec2.sg_unused

deny contains {"msg": sprintf("security group %s is attached to no network interface", [input.attributes.name]), "path": "network_interface_count"} if {
	input.attributes.is_default == false
	input.attributes.network_interface_count == 0
}
