# METADATA
# title: "Container allows privilege escalation"
# description: "Unless allowPrivilegeEscalation is false, a process in the container can gain more privileges than its parent (setuid binaries, file capabilities)."
# custom:
#   id: K8S-003
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Set `securityContext.allowPrivilegeEscalation: false` on every container."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/, https://kubernetes.io/docs/tasks/configure-pod-container/security-context/]
#   compliance:
#     pss-restricted: ["privilege-escalation"]
#     cis-kubernetes-1.9: ["5.2.6"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.kubernetes.pod_security.privilege_escalation

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": k8s.field_path(i, "allow_privilege_escalation")} if {
	not k8s.windows
	some i, c in k8s.containers
	object.get(c, "allow_privilege_escalation", null) != false
	msg := sprintf("%s does not set allowPrivilegeEscalation to false", [k8s.label(c)])
}
