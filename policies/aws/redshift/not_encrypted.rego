# METADATA
# title: "Redshift cluster is not encrypted"
# description: "An unencrypted Redshift cluster stores warehouse data, backups and snapshots in plaintext."
# custom:
#   id: AWS-REDSHIFT-001
#   severity: high
#   kinds: [aws.redshift.cluster]
#   remediation: "Set encrypted = true (optionally kms_key_id) on the cluster."
#   references: [https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html]
#   compliance:
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.redshift.not_encrypted

deny contains {"msg": sprintf("Redshift cluster %s is not encrypted at rest", [object.get(input, "name", input.id)]), "path": "encrypted"} if {
	not input.attributes.encrypted
}
