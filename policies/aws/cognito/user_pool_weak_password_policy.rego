# METADATA
# title: "Cognito user pool password policy is weak"
# description: "The pool's password policy allows passwords shorter than 8 characters or does not require upper-case letters, lower-case letters, numbers and symbols, which makes guessing and spraying attacks easier. Cognito's own default policy (8 characters, all four classes) passes."
# custom:
#   id: AWS-COGNITO-003
#   severity: medium
#   kinds: [aws.cognito.user_pool]
#   remediation: "Set password_policy minimum_length to at least 8 (14 for pools without MFA) and require_uppercase, require_lowercase, require_numbers and require_symbols to true."
#   references: [https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html]
#   compliance:
#     nist-800-53-r5: ["IA-5(1)"]
#     pci-dss-4.0: ["8.3.6"]
package vigil.rules.aws.cognito.user_pool_weak_password_policy

min_length := 8

deny contains {"msg": sprintf("Cognito user pool %s allows passwords of %d characters (fewer than %d)", [object.get(input, "name", input.id), input.attributes.password_policy.minimum_length, min_length]), "path": "password_policy.minimum_length"} if {
	input.attributes.password_policy.minimum_length < min_length
}

deny contains {"msg": sprintf("Cognito user pool %s does not require %s in passwords", [object.get(input, "name", input.id), what]), "path": concat(".", ["password_policy", field])} if {
	some field, what in {
		"require_uppercase": "upper-case letters",
		"require_lowercase": "lower-case letters",
		"require_numbers": "numbers",
		"require_symbols": "symbols",
	}
	not input.attributes.password_policy[field]
}
