# METADATA
# title: "Pod runs Windows HostProcess containers"
# description: "A HostProcess container runs directly on the Windows node with the node's privileges, outside any container isolation; the baseline Pod Security Standard forbids it."
# custom:
#   id: K8S-035
#   severity: high
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Remove `windowsOptions.hostProcess: true` from the pod and container security contexts; run node agents that need it in a dedicated, tightly controlled namespace."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/, https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/]
#   compliance:
#     pss-baseline: ["host-process"]
#     cis-kubernetes-1.9: ["5.2.11"]
#     nist-800-53-r5: ["AC-6", "SC-39"]
package vigil.rules.kubernetes.pod_security.host_process

import data.vigil.lib.k8s

deny contains {"msg": "pod sets windowsOptions.hostProcess: true", "path": "pod_spec.security_context.host_process"} if {
	k8s.pod_security_context.host_process == true
}

deny contains {"msg": msg, "path": k8s.field_path(i, "host_process")} if {
	some i, c in k8s.containers
	c.host_process == true
	msg := sprintf("%s sets windowsOptions.hostProcess: true", [k8s.label(c)])
}
