# METADATA
# title: "Container adds a capability beyond the runtime's default set"
# description: "The baseline Pod Security Standard forbids adding any Linux capability outside the container runtime's default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT): anything else is a known privilege escalation."
# custom:
#   id: K8S-034
#   severity: high
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Remove from `securityContext.capabilities.add` every capability outside the default set; a workload that needs one belongs in a namespace run at the privileged level, reviewed."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/]
#   compliance:
#     pss-baseline: ["capabilities"]
#     cis-kubernetes-1.9: ["5.2.9"]
#     nist-800-53-r5: ["AC-6", "CM-7"]
package vigil.rules.kubernetes.pod_security.baseline_capabilities

import data.vigil.lib.k8s

# The runtime's default set, as the baseline profile lists it. Names are
# compared as written, as admission compares them.
default_set := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

deny contains {"msg": msg, "path": k8s.field_path(i, "capabilities_add")} if {
	some i, c in k8s.containers
	added := {x | some x in k8s.arr(object.get(c, "capabilities_add", [])); not x in default_set}
	count(added) > 0
	msg := sprintf("%s adds %s, outside the default capability set", [k8s.label(c), concat(", ", sort(added))])
}
