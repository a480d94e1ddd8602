# METADATA
# title: IAM user credentials unused for 45 days or more are still enabled
# description: >-
#   A console password or an active access key that has not been used for 45 days or more
#   (counted from its creation when it was never used, as the credential report does) belongs to
#   someone who no longer needs it, and stays a way in for whoever finds it (CIS AWS Foundations
#   1.12). Inactive keys are not judged.
# custom:
#   id: AWS-IAM-021
#   severity: medium
#   kinds: [aws.iam.user]
#   remediation: Remove the console password of a user who no longer signs in (aws iam delete-login-profile) and deactivate or delete access keys unused for 45 days (aws iam update-access-key --status Inactive).
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html]
#   compliance:
#     cis-aws-3.0: ["1.12"]
#     cis-aws-5.0: ["1.11"]
#     cis-aws-7.0: ["2.11"]
#     pci-dss-4.0: ["8.2.6"]
#     nist-800-53-r5: ["AC-2(3)"]
package vigil.rules.aws.iam.unused_credentials

limit := 45

deny contains {"msg": msg, "path": "password_unused_days"} if {
	input.attributes.login_profile == true
	input.attributes.password_unused_days >= limit
	msg := sprintf("user %s has a console password unused for %d days", [input.name, input.attributes.password_unused_days])
}

deny contains {"msg": msg, "path": sprintf("access_keys[%d].unused_days", [i])} if {
	some i, key in input.attributes.access_keys
	key.active
	key.unused_days >= limit
	msg := sprintf("user %s has an active access key unused for %d days", [input.name, key.unused_days])
}
