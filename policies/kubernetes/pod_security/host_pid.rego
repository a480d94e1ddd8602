# METADATA
# title: "Pod shares the host process ID namespace"
# description: "With hostPID: true the pod shares the node's process ID namespace: it can see and signal every process on the node and read their environments."
# custom:
#   id: K8S-005
#   severity: high
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Remove `hostPID: true` from the pod spec; run node agents that truly need it in a dedicated, tightly controlled namespace."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/]
#   compliance:
#     pss-baseline: ["host-namespaces"]
#     cis-kubernetes-1.9: ["5.2.3"]
#     nist-800-53-r5: ["AC-6", "SC-39"]
package vigil.rules.kubernetes.pod_security.host_pid

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": "pod_spec.host_pid"} if {
	k8s.pod_spec.host_pid == true
	msg := "pod sets hostPID: true"
}
