# METADATA
# title: "Pod or container sets a custom SELinux user, role or type"
# description: "A custom SELinux type such as spc_t (super-privileged container) lifts SELinux confinement, and a custom user or role changes who the process is to the policy; the baseline Pod Security Standard allows only the container types container_t, container_init_t, container_kvm_t and container_engine_t, and no user or role."
# custom:
#   id: K8S-037
#   severity: high
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Remove `seLinuxOptions.user` and `seLinuxOptions.role`, and leave `seLinuxOptions.type` unset or set it to container_t, container_init_t, container_kvm_t or container_engine_t."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/, https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container]
#   compliance:
#     pss-baseline: ["selinux"]
#     nist-800-53-r5: ["AC-3", "AC-6"]
package vigil.rules.kubernetes.pod_security.selinux

import data.vigil.lib.k8s

# The types the baseline profile allows; container_engine_t since
# Kubernetes 1.31.
allowed_types := {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

bad(o) := array.concat(
	[sprintf("type %q", [t]) | t := object.get(o, "type", ""); not t in allowed_types],
	array.concat(
		[sprintf("user %q", [u]) | u := object.get(o, "user", ""); not u in {"", null}],
		[sprintf("role %q", [r]) | r := object.get(o, "role", ""); not r in {"", null}],
	),
)

deny contains {"msg": msg, "path": "pod_spec.security_context.se_linux_options"} if {
	o := k8s.pod_security_context.se_linux_options
	is_object(o)
	found := bad(o)
	count(found) > 0
	msg := sprintf("pod sets SELinux %s", [concat(", ", found)])
}

deny contains {"msg": msg, "path": k8s.field_path(i, "se_linux_options")} if {
	some i, c in k8s.containers
	o := c.se_linux_options
	is_object(o)
	found := bad(o)
	count(found) > 0
	msg := sprintf("%s sets SELinux %s", [k8s.label(c), concat(", ", found)])
}
