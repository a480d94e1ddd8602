# METADATA
# title: "Elastic IP address is not associated"
# description: >-
#   An Elastic IP allocated to the account but associated with no instance or network interface
#   serves nothing: it is billed by the hour, counts against the region's quota, and is a public
#   address that stays on allow lists and DNS records after what used it is gone, where it can be
#   attached to the wrong resource. In IaC an address is judged associated only when the
#   configuration associates it (instance, network_interface, aws_eip_association); otherwise it
#   is unknown, as a NAT gateway, a load balancer or another configuration may use it.
# custom:
#   id: AWS-EC2-025
#   severity: low
#   kinds: [aws.ec2.eip]
#   remediation: "Release the address (aws ec2 release-address --allocation-id ...), or associate it with the instance or network interface it is meant for."
#   references:
#     - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-12
#   compliance:
#     aws-fsbp: ["EC2.12"]
#     nist-800-53-r5: ["CM-8"]
package vigil.rules.aws.ec2.eip_unused

deny contains {"msg": sprintf("Elastic IP %s is associated with no instance or network interface", [object.get(input, "name", input.id)]), "path": "associated"} if {
	input.attributes.associated == false
}
