# METADATA
# title: "RDS instance is publicly accessible"
# description: "A publicly accessible instance gets a public DNS name and address, so the database listener is reachable from the internet wherever security groups allow it."
# custom:
#   id: AWS-RDS-002
#   severity: critical
#   kinds: [aws.rds.instance]
#   remediation: "Set publicly_accessible = false and reach the database through private subnets, a VPN or a bastion."
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding]
#   compliance:
#     cis-aws-3.0: ["2.3.3"]
#     cis-aws-5.0: ["2.2.3"]
#     cis-aws-7.0: ["3.2.3"]
#     pci-dss-4.0: ["1.4.1"]
#     nist-800-53-r5: ["AC-3", "SC-7"]
package vigil.rules.aws.rds.instance_publicly_accessible

deny contains {"msg": sprintf("RDS instance %s is publicly accessible", [object.get(input, "name", input.id)]), "path": "publicly_accessible"} if {
	input.attributes.publicly_accessible
}
