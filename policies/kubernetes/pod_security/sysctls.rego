# METADATA
# title: "Pod sets an unsafe sysctl"
# description: "Sysctls outside the safe, namespaced set can disable security mechanisms or affect every pod on the node; the baseline Pod Security Standard allows only the safe set."
# custom:
#   id: K8S-040
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Remove the sysctl from `securityContext.sysctls`; tune the node itself, or run the workload in a namespace at the privileged level, reviewed."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/, https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/#safe-and-unsafe-sysctls]
#   compliance:
#     pss-baseline: ["sysctls"]
#     nist-800-53-r5: ["CM-7", "SC-39"]
package vigil.rules.kubernetes.pod_security.sysctls

import data.vigil.lib.k8s

# The safe set as of Kubernetes 1.32: ip_local_reserved_ports since 1.27,
# the tcp_keepalive_* and tcp_fin_timeout since 1.29, tcp_rmem and tcp_wmem
# since 1.32. A sysctl safe only on newer clusters is accepted here.
safe := {
	"kernel.shm_rmid_forced",
	"net.ipv4.ip_local_port_range",
	"net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range",
	"net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time",
	"net.ipv4.tcp_fin_timeout",
	"net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
	"net.ipv4.tcp_rmem",
	"net.ipv4.tcp_wmem",
}

deny contains {"msg": msg, "path": "pod_spec.security_context.sysctls"} if {
	unsafe := {s | some s in k8s.arr(object.get(k8s.pod_security_context, "sysctls", [])); not s in safe}
	count(unsafe) > 0
	msg := sprintf("pod sets unsafe sysctl(s) %s", [concat(", ", sort(unsafe))])
}
