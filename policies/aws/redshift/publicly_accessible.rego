# METADATA
# title: "Redshift cluster is publicly accessible"
# description: "A publicly accessible cluster gets a public address, so the database listener is reachable from the internet wherever security groups allow it."
# custom:
#   id: AWS-REDSHIFT-002
#   severity: critical
#   kinds: [aws.redshift.cluster]
#   remediation: "Set publicly_accessible = false."
#   references: [https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html]
#   compliance:
#     pci-dss-4.0: ["1.4.1"]
#     nist-800-53-r5: ["AC-3", "SC-7"]
package vigil.rules.aws.redshift.publicly_accessible

deny contains {"msg": sprintf("Redshift cluster %s is publicly accessible", [object.get(input, "name", input.id)]), "path": "publicly_accessible"} if {
	input.attributes.publicly_accessible
}
