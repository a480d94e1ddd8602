# METADATA
# title: Root user has access keys
# description: An access key of the root user is a long-lived credential with unrestricted power over the account that no policy can limit; AWS advises that the root user has none.
# custom:
#   id: AWS-IAM-013
#   severity: critical
#   kinds: [aws.account]
#   remediation: Delete the root user's access keys (Security credentials, as the root user) and use IAM roles or users with least privilege instead.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html]
#   compliance:
#     cis-aws-3.0: ["1.4"]
#     cis-aws-5.0: ["1.3"]
#     cis-aws-7.0: ["2.4"]
#     nist-800-53-r5: ["AC-6(9)", "IA-2"]
package vigil.rules.aws.iam.root_access_keys

deny contains {"msg": msg, "path": "root_access_keys_present"} if {
	input.attributes.root_access_keys_present == true
	msg := sprintf("the root user of account %s has an access key", [input.account])
}
