# METADATA
# title: "RBAC role grants escalate, bind or impersonate"
# description: "escalate and bind let a subject create or bind roles beyond its own rights; impersonate lets it act as any user, group or service account. Each leads to cluster-admin."
# custom:
#   id: K8S-029
#   severity: high
#   kinds: [kubernetes.role, kubernetes.cluster_role]
#   remediation: "Remove the escalate, bind and impersonate verbs except for the few controllers that need them."
#   references: [https://kubernetes.io/docs/concepts/security/rbac-good-practices/, https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.8"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.kubernetes.rbac.escalation_verbs

import data.vigil.lib.k8s

escalation := {"escalate", "bind", "impersonate"}

deny contains {"msg": msg, "path": k8s.rule_path(i, "verbs")} if {
	some i, r in k8s.rbac_rules
	found := {v | some v in k8s.strs(r, "verbs"); lower(v) in escalation}
	count(found) > 0
	msg := sprintf("rule %d grants %s", [i, concat(", ", sort(found))])
}
