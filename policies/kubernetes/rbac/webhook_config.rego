# METADATA
# title: "RBAC role can change admission webhook configurations"
# description: "Whoever controls validating or mutating webhook configurations can read every object sent to the API server, change it on the way in, or switch off admission controls that other policies rely on."
# custom:
#   id: K8S-050
#   severity: high
#   kinds: [kubernetes.role, kubernetes.cluster_role]
#   remediation: "Grant create, update, patch and delete on validatingwebhookconfigurations and mutatingwebhookconfigurations only to cluster administrators and the operators that install webhooks."
#   references: [https://kubernetes.io/docs/concepts/security/rbac-good-practices/]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.12"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.kubernetes.rbac.webhook_config

import data.vigil.lib.k8s

# [verb, API group, resource] triples this rule looks for.
sensitive := [[v, "admissionregistration.k8s.io", res] | some v in ["create", "update", "patch", "delete"]; some res in ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"]]

deny contains {"msg": msg, "path": k8s.rule_path(i, "verbs")} if {
	some i, r in k8s.rbac_rules
	grants := {sprintf("%s %s", [p[0], p[2]]) | some p in sensitive; k8s.allows_in(r, p[0], p[1], p[2])}
	count(grants) > 0
	msg := sprintf("rule %d allows %s (admission webhooks)", [i, concat(", ", sort(grants))])
}
