# METADATA
# title: "RBAC role can create pods or exec into them"
# description: "Whoever can create pods can run any image with any mounted service account in the namespace, and exec or attach gives a shell in running pods: both escalate to the rights of every service account there."
# custom:
#   id: K8S-028
#   severity: medium
#   kinds: [kubernetes.role, kubernetes.cluster_role]
#   remediation: "Grant create on pods, pods/exec and pods/attach only to deployment automation and administrators."
#   references: [https://kubernetes.io/docs/concepts/security/rbac-good-practices/]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.4"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.kubernetes.rbac.pod_create_exec

import data.vigil.lib.k8s

sensitive := {["create", "pods"], ["create", "pods/exec"], ["get", "pods/exec"], ["create", "pods/attach"]}

deny contains {"msg": msg, "path": k8s.rule_path(i, "verbs")} if {
	some i, r in k8s.rbac_rules
	grants := {sprintf("%s %s", [p[0], p[1]]) | some p in sensitive; k8s.allows(r, p[0], p[1])}
	count(grants) > 0
	msg := sprintf("rule %d allows %s", [i, concat(", ", sort(grants))])
}
