# METADATA
# title: "Pod or container sets the Unconfined seccomp profile"
# description: "Unconfined turns seccomp filtering off, so every system call reaches the kernel, including those behind container escapes; the baseline Pod Security Standard forbids it at pod and container level alike (the restricted level also requires a profile to be set: K8S-018)."
# custom:
#   id: K8S-039
#   severity: high
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Set `securityContext.seccompProfile.type` to RuntimeDefault or Localhost, or leave it unset, on the pod and every container."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/, https://kubernetes.io/docs/tutorials/security/seccomp/]
#   compliance:
#     pss-baseline: ["seccomp"]
#     cis-kubernetes-1.9: ["5.7.2"]
#     nist-800-53-r5: ["CM-7", "SC-39"]
package vigil.rules.kubernetes.pod_security.seccomp_unconfined

import data.vigil.lib.k8s

allowed := {"", "RuntimeDefault", "Localhost", null}

deny contains {"msg": msg, "path": "pod_spec.security_context.seccomp_profile_type"} if {
	p := object.get(k8s.pod_security_context, "seccomp_profile_type", "")
	not p in allowed
	msg := sprintf("pod sets seccomp profile %q", [p])
}

deny contains {"msg": msg, "path": k8s.field_path(i, "seccomp_profile_type")} if {
	some i, c in k8s.containers
	p := object.get(c, "seccomp_profile_type", "")
	not p in allowed
	msg := sprintf("%s sets seccomp profile %q", [k8s.label(c), p])
}
