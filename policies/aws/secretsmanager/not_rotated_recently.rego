# METADATA
# title: Secrets Manager secret has not rotated in 90 days
# description: >-
#   The longer a credential lives, the longer a copy of it (in a log, a laptop, a former
#   employee's notes) keeps working. A secret whose value has not rotated for 90 days, because
#   rotation is off or has stopped succeeding, is one such long-lived credential.
# custom:
#   id: AWS-SM-022
#   severity: medium
#   kinds: [aws.secretsmanager.secret]
#   remediation: >-
#     Turn on automatic rotation with a schedule of at most 90 days (a rotation Lambda or managed
#     rotation), or rotate the secret now with RotateSecret and fix what stops it rotating.
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-4]
#   compliance:
#     aws-fsbp: ["SecretsManager.4"]
#     nist-800-53-r5: ["AC-2(1)", "IA-5(1)"]
#     pci-dss-4.0: ["8.3.9"]
package vigil.rules.aws.secretsmanager.not_rotated_recently

import data.vigil.lib.clock

deny contains {"msg": msg, "path": "last_rotated"} if {
	input.attributes.last_rotated != ""
	days := clock.days_since(input.attributes.last_rotated)
	days > 90
	msg := sprintf("Secrets Manager secret %s last rotated %d days ago", [input.attributes.name, days])
}

deny contains {"msg": msg, "path": "last_rotated"} if {
	input.attributes.last_rotated == ""
	input.attributes.created != ""
	days := clock.days_since(input.attributes.created)
	days > 90
	msg := sprintf("Secrets Manager secret %s has never rotated in the %d days since it was created", [input.attributes.name, days])
}
