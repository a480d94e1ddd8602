# METADATA
# title: the trail's KMS key rotates
# description: test rule joining a trail to its KMS key through data.inventory.
# custom:
#   id: TEST-INV-001
#   severity: low
#   kinds: [aws.cloudtrail.trail]
#   remediation: Rotate the key.
package acme.inventory.trail_key

key := data.inventory.kinds["aws.kms.key"][input.attributes.kms_key_id]

deny contains {"msg": "the trail's key does not rotate", "path": "kms_key_id"} if {
	key.attributes.rotation_enabled == false
}

# A key that is not in the inventory cannot be judged.
deny contains {"msg": "the trail's key is not in the inventory", "unknown": true} if {
	input.attributes.kms_key_id != ""
	not key
}
