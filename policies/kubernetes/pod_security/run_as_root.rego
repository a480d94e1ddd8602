# METADATA
# title: "Container may run as root"
# description: "A container that runs as UID 0 is root inside the container and, after any container escape or through a writable hostPath, root on the node."
# custom:
#   id: K8S-002
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Set `securityContext.runAsNonRoot: true` and a non-zero `runAsUser` on the pod or the container, and build the image with a non-root USER."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/, https://kubernetes.io/docs/tasks/configure-pod-container/security-context/]
#   compliance:
#     cis-kubernetes-1.9: ["5.2.7", "5.7.3"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.kubernetes.pod_security.run_as_root

import data.vigil.lib.k8s

# non_root holds when the effective settings keep the container off UID 0.
non_root(c) if k8s.setting(c, "run_as_user") > 0

non_root(c) if {
	k8s.setting(c, "run_as_non_root") == true
	k8s.setting(c, "run_as_user") != 0
}

deny contains {"msg": msg, "path": k8s.field_path(i, "run_as_non_root")} if {
	some i, c in k8s.containers
	k8s.setting(c, "run_as_user") != 0
	not non_root(c)
	msg := sprintf("%s may run as root: runAsNonRoot is not true and runAsUser is not above 0", [k8s.label(c)])
}

deny contains {"msg": msg, "path": p} if {
	some i, c in k8s.containers
	k8s.setting(c, "run_as_user") == 0
	p := uid_path(i, c)
	msg := sprintf("%s runs as root: runAsUser is 0", [k8s.label(c)])
}

uid_path(i, c) := k8s.field_path(i, "run_as_user") if {
	c.run_as_user != null
} else := "pod_spec.security_context.run_as_user"
