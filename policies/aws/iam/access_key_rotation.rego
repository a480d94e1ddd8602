# METADATA
# title: IAM access key is older than 90 days
# description: A long-lived access key that is never rotated stays valid wherever it was copied or leaked; keys should be replaced at least every 90 days.
# custom:
#   id: AWS-IAM-015
#   severity: medium
#   kinds: [aws.iam.user]
#   remediation: Create a new access key, move its users to it, then deactivate and delete the old one; better, replace long-lived keys with roles.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console]
#   compliance:
#     cis-aws-3.0: ["1.14"]
#     cis-aws-5.0: ["1.13"]
#     cis-aws-7.0: ["2.12"]
#     nist-800-53-r5: ["IA-5(1)"]
package vigil.rules.aws.iam.access_key_rotation

deny contains {"msg": msg, "path": sprintf("access_keys[%d].age_days", [i])} if {
	some i, key in input.attributes.access_keys
	key.active
	key.age_days > 90
	msg := sprintf("user %s has an active access key created %d days ago", [input.name, key.age_days])
}
