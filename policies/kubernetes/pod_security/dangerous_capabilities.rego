# METADATA
# title: "Container adds a dangerous Linux capability"
# description: "Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or ALL give a container near-root power over the kernel and the node's network, and enable well-known container escapes."
# custom:
#   id: K8S-008
#   severity: high
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Remove the capability from `securityContext.capabilities.add`; redesign the workload so that it does not need kernel-level privileges."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/, https://man7.org/linux/man-pages/man7/capabilities.7.html]
#   compliance:
#     pss-restricted: ["capabilities"]
#     cis-kubernetes-1.9: ["5.2.9"]
#     nist-800-53-r5: ["AC-6", "CM-7"]
package vigil.rules.kubernetes.pod_security.dangerous_capabilities

import data.vigil.lib.k8s

dangerous := {"ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "SYS_BOOT", "DAC_READ_SEARCH", "BPF", "MAC_ADMIN", "MAC_OVERRIDE"}

deny contains {"msg": msg, "path": k8s.field_path(i, "capabilities_add")} if {
	some i, c in k8s.containers
	some name in k8s.added_caps(c)
	name in dangerous
	msg := sprintf("%s adds capability %s", [k8s.label(c), name])
}
