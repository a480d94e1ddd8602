# METADATA
# title: "RBAC role can use the nodes/proxy subresource"
# description: "nodes/proxy reaches the kubelet API directly: running commands in any pod on the node, bypassing admission control and API server audit logging."
# custom:
#   id: K8S-048
#   severity: high
#   kinds: [kubernetes.role, kubernetes.cluster_role]
#   remediation: "Remove nodes/proxy from the role; grant it only to monitoring components that need kubelet endpoints, scoped as narrowly as possible."
#   references: [https://kubernetes.io/docs/concepts/security/rbac-good-practices/]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.10"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.kubernetes.rbac.node_proxy

import data.vigil.lib.k8s

# [verb, API group, resource] triples this rule looks for.
sensitive := [["get", "", "nodes/proxy"], ["create", "", "nodes/proxy"]]

deny contains {"msg": msg, "path": k8s.rule_path(i, "verbs")} if {
	some i, r in k8s.rbac_rules
	grants := {sprintf("%s %s", [p[0], p[2]]) | some p in sensitive; k8s.allows_in(r, p[0], p[1], p[2])}
	count(grants) > 0
	msg := sprintf("rule %d allows %s (kubelet API)", [i, concat(", ", sort(grants))])
}
