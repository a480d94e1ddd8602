# METADATA
# title: "Network interface is attached to nothing"
# description: >-
#   A network interface in the available state is attached to no instance: it is left over from
#   a deleted instance or a manual test. It still holds private (and possibly Elastic) addresses
#   of its subnet and the security groups it carries, counts against the region's ENI quota, and
#   can be attached to any instance in its availability zone by anyone allowed to, taking its
#   addresses and the trust placed in them along. Only a live scan judges it.
# custom:
#   id: AWS-EC2-026
#   severity: low
#   kinds: [aws.ec2.network_interface]
#   remediation: "Delete the interface (aws ec2 delete-network-interface --network-interface-id ...) once nothing is meant to use it."
#   references:
#     - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html
#     - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/delete_eni.html
#   compliance:
#     nist-800-53-r5: ["CM-8"]
package vigil.rules.aws.ec2.eni_unused

deny contains {"msg": sprintf("network interface %s is attached to nothing (status available)", [object.get(input, "name", input.id)]), "path": "status"} if {
	input.attributes.status == "available"
}
