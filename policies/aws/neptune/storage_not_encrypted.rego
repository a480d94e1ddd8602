# METADATA
# title: "Neptune cluster storage is not encrypted"
# description: "An unencrypted Neptune cluster keeps its data, automated backups and snapshots in plaintext; encryption can only be chosen when the cluster is created."
# custom:
#   id: AWS-NEPTUNE-001
#   severity: high
#   kinds: [aws.neptune.cluster]
#   remediation: "Create the cluster with storage_encrypted = true (optionally kms_key_id) and migrate the data; existing clusters cannot be encrypted in place."
#   references: [https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html]
#   compliance:
#     aws-fsbp: ["Neptune.1"]
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.neptune.storage_not_encrypted

deny contains {"msg": sprintf("Neptune cluster %s does not encrypt its storage", [object.get(input, "name", input.id)]), "path": "storage_encrypted"} if {
	not input.attributes.storage_encrypted
}
