# METADATA
# title: "Pod shares the host IPC namespace"
# description: "With hostIPC: true the pod shares the node's IPC namespace: it can read and write the shared memory of every process on the node."
# custom:
#   id: K8S-006
#   severity: high
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Remove `hostIPC: true` from the pod spec; run node agents that truly need it in a dedicated, tightly controlled namespace."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/]
#   compliance:
#     pss-baseline: ["host-namespaces"]
#     cis-kubernetes-1.9: ["5.2.4"]
#     nist-800-53-r5: ["AC-6", "SC-39"]
package vigil.rules.kubernetes.pod_security.host_ipc

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": "pod_spec.host_ipc"} if {
	k8s.pod_spec.host_ipc == true
	msg := "pod sets hostIPC: true"
}
