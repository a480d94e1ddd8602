# METADATA
# title: "RBAC role can read Secrets"
# description: "get, list or watch on secrets reveals every credential in scope: service account tokens, TLS keys, database passwords."
# custom:
#   id: K8S-027
#   severity: medium
#   kinds: [kubernetes.role, kubernetes.cluster_role]
#   remediation: "Remove read access to secrets, or restrict it with resourceNames to the specific Secrets needed."
#   references: [https://kubernetes.io/docs/concepts/security/rbac-good-practices/]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.2"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.kubernetes.rbac.secret_access

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": k8s.rule_path(i, "verbs")} if {
	some i, r in k8s.rbac_rules
	count(k8s.strs(r, "resource_names")) == 0
	verbs := {v | some v in ["get", "list", "watch"]; k8s.allows(r, v, "secrets")}
	count(verbs) > 0
	msg := sprintf("rule %d allows %s on secrets", [i, concat(", ", sort(verbs))])
}
