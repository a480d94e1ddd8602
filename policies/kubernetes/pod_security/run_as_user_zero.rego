# METADATA
# title: "Pod or container sets runAsUser 0"
# description: "runAsUser: 0 runs the container's processes as root whatever the image says; the restricted Pod Security Standard forbids it at pod and container level."
# custom:
#   id: K8S-043
#   severity: high
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Set `securityContext.runAsUser` to a non-zero UID (or leave it unset and build the image with a non-root USER) on the pod and every container."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/, https://kubernetes.io/docs/tasks/configure-pod-container/security-context/]
#   compliance:
#     pss-restricted: ["running-as-non-root-user"]
#     cis-kubernetes-1.9: ["5.2.7"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.kubernetes.pod_security.run_as_user_zero

import data.vigil.lib.k8s

deny contains {"msg": "pod sets runAsUser: 0", "path": "pod_spec.security_context.run_as_user"} if {
	k8s.pod_security_context.run_as_user == 0
}

deny contains {"msg": msg, "path": k8s.field_path(i, "run_as_user")} if {
	some i, c in k8s.containers
	c.run_as_user == 0
	msg := sprintf("%s sets runAsUser: 0", [k8s.label(c)])
}
