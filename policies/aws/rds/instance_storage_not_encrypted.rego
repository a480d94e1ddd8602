# METADATA
# title: "RDS instance storage is not encrypted"
# description: "Unencrypted RDS storage, its automated backups, replicas and snapshots expose database contents to anyone who obtains the underlying volumes or snapshots."
# custom:
#   id: AWS-RDS-001
#   severity: high
#   kinds: [aws.rds.instance]
#   remediation: "Create the instance with storage_encrypted = true (optionally kms_key_id); an existing instance must be restored from an encrypted snapshot copy."
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html]
#   compliance:
#     cis-aws-3.0: ["2.3.1"]
#     cis-aws-5.0: ["2.2.1"]
#     cis-aws-7.0: ["3.2.1"]
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.rds.instance_storage_not_encrypted

# Aurora instances inherit encryption from their cluster (AWS-RDS-007).
deny contains {"msg": sprintf("RDS instance %s does not encrypt its storage", [object.get(input, "name", input.id)]), "path": "storage_encrypted"} if {
	a := input.attributes
	a.cluster_identifier == ""
	not a.storage_encrypted
}
