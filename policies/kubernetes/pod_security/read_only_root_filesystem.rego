# METADATA
# title: "Container root file system is writable"
# description: "A writable root file system lets an attacker drop tools and persist changes inside the container."
# custom:
#   id: K8S-017
#   severity: low
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Set `securityContext.readOnlyRootFilesystem: true` and mount emptyDir volumes where the application must write."
#   references: [https://kubernetes.io/docs/tasks/configure-pod-container/security-context/]
#   compliance:
#     cis-kubernetes-1.9: ["5.7.3"]
#     nist-800-53-r5: ["CM-7"]
package vigil.rules.kubernetes.pod_security.read_only_root_filesystem

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": k8s.field_path(i, "read_only_root_filesystem")} if {
	some i, c in k8s.containers
	c.type != "ephemeral"
	object.get(c, "read_only_root_filesystem", null) != true
	msg := sprintf("%s does not set readOnlyRootFilesystem to true", [k8s.label(c)])
}
