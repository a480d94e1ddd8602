# METADATA
# title: "Container does not drop all capabilities"
# description: "Container runtimes grant a default set of capabilities (CHOWN, SETUID, NET_RAW ...) that most applications never use; dropping ALL removes them from an attacker's reach."
# custom:
#   id: K8S-010
#   severity: low
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Set `securityContext.capabilities.drop: [\"ALL\"]` and add back only what the container needs (the restricted Pod Security Standard allows NET_BIND_SERVICE only)."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/]
#   compliance:
#     pss-restricted: ["capabilities"]
#     cis-kubernetes-1.9: ["5.2.10"]
#     nist-800-53-r5: ["AC-6", "CM-7"]
package vigil.rules.kubernetes.pod_security.drop_all_capabilities

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": k8s.field_path(i, "capabilities_drop")} if {
	not k8s.windows
	some i, c in k8s.containers
	not "ALL" in k8s.dropped_caps(c)
	msg := sprintf("%s does not drop ALL capabilities", [k8s.label(c)])
}
