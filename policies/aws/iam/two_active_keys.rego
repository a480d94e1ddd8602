# METADATA
# title: IAM user has two active access keys
# description: Two keys are meant only for the time of a rotation; a user that keeps both active doubles the credentials to lose and usually means one is forgotten.
# custom:
#   id: AWS-IAM-016
#   severity: low
#   kinds: [aws.iam.user]
#   remediation: Deactivate and delete the access key that is no longer used.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html]
#   compliance:
#     cis-aws-3.0: ["1.13"]
#     cis-aws-5.0: ["1.12"]
#     nist-800-53-r5: ["IA-5(1)"]
package vigil.rules.aws.iam.two_active_keys

deny contains {"msg": msg, "path": sprintf("access_keys[%d].active", [j])} if {
	active := [i | some i, k in input.attributes.access_keys; k.active]
	count(active) > 1
	j := active[count(active) - 1]
	msg := sprintf("user %s has %d active access keys", [input.name, count(active)])
}
