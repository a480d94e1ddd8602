# METADATA
# title: "Redshift cluster listens on the default port"
# description: >-
#   Port 5439 is what scanners probe for Redshift; a cluster on another port is not found by the bulk scans that look for exposed warehouses (this is no substitute for keeping it private).
# custom:
#   id: AWS-REDSHIFT-026
#   severity: low
#   kinds: [aws.redshift.cluster]
#   remediation: >-
#     Set port (Port) to another value in 1150-65535 and update security groups and clients.
#   references: [https://docs.aws.amazon.com/redshift/latest/mgmt/create-cluster.html]
#   compliance:
#     nist-800-53-r5: ["CM-7"]
package vigil.rules.aws.redshift.default_port

deny contains {"msg": sprintf("Redshift cluster %s listens on the default port 5439", [object.get(input, "name", input.id)]), "path": "port"} if {
	input.attributes.port == 5439
}
