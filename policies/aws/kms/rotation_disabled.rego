# METADATA
# title: "KMS key rotation is disabled"
# description: "Without automatic rotation a customer managed symmetric key uses the same key material indefinitely, widening the impact of a key compromise."
# custom:
#   id: AWS-KMS-001
#   severity: medium
#   kinds: [aws.kms.key]
#   remediation: "Set enable_key_rotation = true on the key."
#   references: [https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html]
#   compliance:
#     cis-aws-3.0: ["3.6"]
#     cis-aws-5.0: ["3.6"]
#     cis-aws-7.0: ["4.6"]
#     pci-dss-4.0: ["3.7.4"]
#     nist-800-53-r5: ["SC-12"]
package vigil.rules.aws.kms.rotation_disabled

# Only enabled, customer managed symmetric encryption keys can rotate.
deny contains {"msg": sprintf("KMS key %s does not rotate its key material", [object.get(input, "name", input.id)]), "path": "rotation_enabled"} if {
	a := input.attributes
	a.key_manager == "CUSTOMER"
	a.key_spec == "SYMMETRIC_DEFAULT"
	a.enabled
	not a.rotation_enabled
}
