# METADATA
# title: "RBAC role can create service account tokens"
# description: "create on serviceaccounts/token issues API tokens for any service account in scope, and with them that account's rights."
# custom:
#   id: K8S-051
#   severity: medium
#   kinds: [kubernetes.role, kubernetes.cluster_role]
#   remediation: "Remove create on serviceaccounts/token; grant it only to the components that mint tokens for others."
#   references: [https://kubernetes.io/docs/concepts/security/rbac-good-practices/]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.13"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.kubernetes.rbac.service_account_token

import data.vigil.lib.k8s

# [verb, API group, resource] triples this rule looks for.
sensitive := [["create", "", "serviceaccounts/token"]]

deny contains {"msg": msg, "path": k8s.rule_path(i, "verbs")} if {
	some i, r in k8s.rbac_rules
	grants := {sprintf("%s %s", [p[0], p[2]]) | some p in sensitive; k8s.allows_in(r, p[0], p[1], p[2])}
	count(grants) > 0
	msg := sprintf("rule %d allows %s (tokens for other service accounts)", [i, concat(", ", sort(grants))])
}
