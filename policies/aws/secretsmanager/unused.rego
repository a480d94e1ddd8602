# METADATA
# title: Secrets Manager secret has not been used for 90 days
# description: >-
#   A secret no workload has retrieved for 90 days is most likely a credential nobody owns any
#   more: it still opens whatever it was for, and its owner will not notice it leak. Secrets
#   Manager records the day each secret was last retrieved (GetSecretValue or BatchGetSecretValue).
# custom:
#   id: AWS-SM-021
#   severity: medium
#   kinds: [aws.secretsmanager.secret]
#   remediation: >-
#     Confirm nothing still needs the secret, revoke the credential it holds at its source (database
#     user, API token), then delete the secret (it can be restored during its recovery window).
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-3]
#   compliance:
#     aws-fsbp: ["SecretsManager.3"]
#     nist-800-53-r5: ["AC-2", "AC-2(3)"]
package vigil.rules.aws.secretsmanager.unused

import data.vigil.lib.clock

deny contains {"msg": msg, "path": "last_accessed"} if {
	input.attributes.last_accessed != ""
	days := clock.days_since(input.attributes.last_accessed)
	days >= 90
	msg := sprintf("Secrets Manager secret %s was last retrieved %d days ago", [input.attributes.name, days])
}

deny contains {"msg": msg, "path": "last_accessed"} if {
	input.attributes.last_accessed == ""
	input.attributes.created != ""
	days := clock.days_since(input.attributes.created)
	days >= 90
	msg := sprintf("Secrets Manager secret %s has never been retrieved in the %d days since it was created", [input.attributes.name, days])
}
