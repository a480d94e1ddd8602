# METADATA
# title: "Container runs privileged"
# description: "A privileged container has every capability and full access to the host's devices; a compromise of the container is a compromise of the node."
# custom:
#   id: K8S-001
#   severity: high
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Remove `securityContext.privileged: true` (or set it to false) and grant only the specific capabilities the container needs."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/]
#   compliance:
#     pss-baseline: ["privileged-containers"]
#     cis-kubernetes-1.9: ["5.2.2"]
#     nist-800-53-r5: ["AC-6", "CM-7"]
package vigil.rules.kubernetes.pod_security.privileged

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": k8s.field_path(i, "privileged")} if {
	some i, c in k8s.containers
	c.privileged == true
	msg := sprintf("%s runs privileged", [k8s.label(c)])
}
