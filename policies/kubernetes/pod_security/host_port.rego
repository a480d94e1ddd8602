# METADATA
# title: "Container binds a host port"
# description: "A hostPort publishes the container on the node's own address, bypassing Services and network policies, and limits where the pod can be scheduled."
# custom:
#   id: K8S-021
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Remove `hostPort` and expose the container through a Service."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/]
#   compliance:
#     pss-baseline: ["host-ports"]
#     cis-kubernetes-1.9: ["5.2.13"]
#     nist-800-53-r5: ["CM-7", "SC-7"]
package vigil.rules.kubernetes.pod_security.host_port

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": sprintf("pod_spec.containers[%d].ports[%d].host_port", [i, j])} if {
	some i, c in k8s.containers
	some j, port in k8s.arr(object.get(c, "ports", []))
	object.get(port, "host_port", 0) > 0
	msg := sprintf("%s binds host port %d", [k8s.label(c), port.host_port])
}
