# METADATA
# title: "Transfer Family server has a public endpoint"
# description: "A PUBLIC endpoint is reachable from the whole internet and cannot be limited by security groups or Elastic IP allow lists; only user credentials protect it. A VPC endpoint (internet-facing with Elastic IPs, or internal) can be limited by security groups."
# custom:
#   id: AWS-TRANSFER-002
#   severity: medium
#   kinds: [aws.transfer.server]
#   remediation: "Set endpoint_type = VPC with endpoint_details in your VPC, and security groups that allow only your partners' addresses."
#   references: [https://docs.aws.amazon.com/transfer/latest/userguide/create-server-in-vpc.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "SC-7"]
#     pci-dss-4.0: ["1.4.1"]
package vigil.rules.aws.transfer.server_public_endpoint

deny contains {"msg": sprintf("Transfer Family server %s has a PUBLIC endpoint, open to the internet without security groups", [object.get(input, "name", input.id)]), "path": "endpoint_type"} if {
	input.attributes.endpoint_type == "PUBLIC"
}
