# METADATA
# title: "Container adds Linux capabilities"
# description: "Every added capability widens what a compromised container can do to the kernel; the restricted Pod Security Standard allows adding only NET_BIND_SERVICE."
# custom:
#   id: K8S-009
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Remove entries from `securityContext.capabilities.add` other than NET_BIND_SERVICE."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/]
#   compliance:
#     pss-restricted: ["capabilities"]
#     cis-kubernetes-1.9: ["5.2.9"]
#     nist-800-53-r5: ["AC-6", "CM-7"]
package vigil.rules.kubernetes.pod_security.added_capabilities

import data.vigil.lib.k8s

allowed := {"NET_BIND_SERVICE"}

# Reported with high severity by K8S-008.
dangerous := {"ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "SYS_BOOT", "DAC_READ_SEARCH", "BPF", "MAC_ADMIN", "MAC_OVERRIDE"}

deny contains {"msg": msg, "path": k8s.field_path(i, "capabilities_add")} if {
	not k8s.windows
	some i, c in k8s.containers
	some name in k8s.added_caps(c)
	not name in allowed
	not name in dangerous
	msg := sprintf("%s adds capability %s", [k8s.label(c), name])
}
