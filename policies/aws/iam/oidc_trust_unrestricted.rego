# METADATA
# title: IAM role web-identity trust is not restricted to a subject or audience
# description: "The role trusts an OIDC provider without conditioning on the token's subject (and audience), so any workload that can get a token from that provider (for GitHub Actions: any repository) can assume it."
# custom:
#   id: AWS-IAM-005
#   severity: high
#   kinds: [aws.iam.role]
#   remediation: Add conditions on <provider>:sub (e.g. token.actions.githubusercontent.com:sub = repo:org/repo:ref:refs/heads/main) and <provider>:aud.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "AC-6", "IA-8"]
package vigil.rules.aws.iam.oidc_trust_unrestricted

import data.vigil.lib.iam

# Providers whose audience is shared by all their users: only the subject
# identifies the caller.
subject_required := {"token.actions.githubusercontent.com", "app.terraform.io", "gitlab.com", "oidc.circleci.com"}

provider_host(p) := host if {
	parts := split(p, "oidc-provider/")
	count(parts) == 2
	host := lower(parts[1])
} else := lower(p)

web_identity(stmt) if iam.action_matches(object.get(stmt, "actions", []), "sts:AssumeRoleWithWebIdentity")

meaningful(stmt, key) if {
	some c in stmt.conditions
	c.key == key
	some v in c.values
	not v in {"*", ""}
}

restricted(stmt, host) if {
	subject_required[host]
	meaningful(stmt, concat("", [host, ":sub"]))
}

restricted(stmt, host) if {
	not subject_required[host]
	some k in ["sub", "aud", "amr"]
	meaningful(stmt, concat(":", [host, k]))
}

deny contains {"msg": msg, "path": sprintf("assume_role_policy.statements[%d]", [i])} if {
	doc := input.attributes.assume_role_policy
	doc != null
	some i, stmt in doc.statements
	iam.is_allow(stmt)
	web_identity(stmt)
	some p in object.get(object.get(stmt, "principals", {}), "Federated", [])
	host := provider_host(p)
	not restricted(stmt, host)
	msg := sprintf("role %s trusts web identities from %s without a subject/audience condition", [input.name, host])
}
