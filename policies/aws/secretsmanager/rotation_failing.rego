# METADATA
# title: Secrets Manager secret's automatic rotation is not succeeding
# description: >-
#   Rotation is turned on but the secret has not rotated within its schedule (plus a day of grace):
#   the rotation function is failing (permissions, network, a changed database), so the secret looks
#   managed while its value grows old.
# custom:
#   id: AWS-SM-023
#   severity: medium
#   kinds: [aws.secretsmanager.secret]
#   remediation: >-
#     Read the rotation function's CloudWatch Logs for the failing step (createSecret, setSecret,
#     testSecret, finishSecret), fix it, and run RotateSecret; alarm on rotation failures.
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-2, https://docs.aws.amazon.com/secretsmanager/latest/userguide/troubleshoot_rotation.html]
#   compliance:
#     aws-fsbp: ["SecretsManager.2"]
#     nist-800-53-r5: ["AC-2(1)", "IA-5(1)"]
package vigil.rules.aws.secretsmanager.rotation_failing

import data.vigil.lib.clock

deny contains {"msg": msg, "path": "last_rotated"} if {
	input.attributes.rotation_enabled
	input.attributes.rotation_days > 0
	since := last_change
	days := clock.days_since(since)
	days > input.attributes.rotation_days + 1
	msg := sprintf("Secrets Manager secret %s rotates every %d days but has not rotated for %d days", [input.attributes.name, input.attributes.rotation_days, days])
}

last_change := input.attributes.last_rotated if input.attributes.last_rotated != ""

last_change := input.attributes.created if {
	input.attributes.last_rotated == ""
	input.attributes.created != ""
}
