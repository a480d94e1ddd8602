# METADATA
# title: "Container runs without a seccomp profile"
# description: "Without a seccomp profile (or with Unconfined) every system call is available to the container, including the rarely used ones behind many kernel exploits."
# custom:
#   id: K8S-018
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Set `securityContext.seccompProfile.type: RuntimeDefault` (or Localhost with a reviewed profile) on the pod or every container."
#   references: [https://kubernetes.io/docs/tutorials/security/seccomp/, https://kubernetes.io/docs/concepts/security/pod-security-standards/]
#   compliance:
#     pss-restricted: ["seccomp"]
#     cis-kubernetes-1.9: ["5.7.2"]
#     nist-800-53-r5: ["CM-7", "SC-39"]
package vigil.rules.kubernetes.pod_security.seccomp

import data.vigil.lib.k8s

confined := {"RuntimeDefault", "Localhost"}

deny contains {"msg": msg, "path": p} if {
	not k8s.windows
	some i, c in k8s.containers
	profile := effective(c)
	not profile in confined
	p := profile_path(i, c)
	msg := seccomp_msg(c, profile)
}

seccomp_msg(c, "") := sprintf("%s has no seccomp profile (pod or container)", [k8s.label(c)])

seccomp_msg(c, profile) := sprintf("%s has seccomp profile %q (want RuntimeDefault or Localhost)", [k8s.label(c), profile]) if profile != ""

# effective is the container's profile, else the pod's.
effective(c) := c.seccomp_profile_type if {
	not object.get(c, "seccomp_profile_type", "") in {"", null}
} else := p if {
	p := object.get(k8s.pod_security_context, "seccomp_profile_type", "")
	p != null
} else := ""

profile_path(i, c) := k8s.field_path(i, "seccomp_profile_type") if {
	not object.get(c, "seccomp_profile_type", "") in {"", null}
} else := "pod_spec.security_context.seccomp_profile_type" if {
	not object.get(k8s.pod_security_context, "seccomp_profile_type", "") in {"", null}
} else := k8s.field_path(i, "seccomp_profile_type")
