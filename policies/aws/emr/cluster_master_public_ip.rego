# METADATA
# title: "Amazon EMR cluster primary node has a public IP address"
# description: "A primary node with a public IP address is reachable from the internet wherever its security groups allow it; it runs the cluster's web interfaces and holds its credentials."
# custom:
#   id: AWS-EMR-002
#   severity: high
#   kinds: [aws.emr.cluster]
#   remediation: "Launch clusters in private subnets (no public IP on launch) and reach them through a bastion, Session Manager or a VPN."
#   references: [https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-clusters-in-a-vpc.html]
#   compliance:
#     aws-fsbp: ["EMR.1"]
#     nist-800-53-r5: ["AC-4", "SC-7"]
#     pci-dss-4.0: ["1.4.4"]
package vigil.rules.aws.emr.cluster_master_public_ip

deny contains {"msg": sprintf("Amazon EMR cluster %s has a primary node with a public IP address", [object.get(input, "name", input.id)]), "path": "master_public_ip"} if {
	input.attributes.master_public_ip
}
