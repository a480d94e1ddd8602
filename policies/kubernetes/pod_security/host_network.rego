# METADATA
# title: "Pod shares the host network namespace"
# description: "With hostNetwork: true the pod shares the node's network namespace: it sees all node traffic and can reach services bound to the node's loopback interface."
# custom:
#   id: K8S-004
#   severity: high
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Remove `hostNetwork: true` from the pod spec; run node agents that truly need it in a dedicated, tightly controlled namespace."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/]
#   compliance:
#     pss-baseline: ["host-namespaces"]
#     cis-kubernetes-1.9: ["5.2.5"]
#     nist-800-53-r5: ["AC-6", "SC-7"]
package vigil.rules.kubernetes.pod_security.host_network

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": "pod_spec.host_network"} if {
	k8s.pod_spec.host_network == true
	msg := "pod sets hostNetwork: true"
}
