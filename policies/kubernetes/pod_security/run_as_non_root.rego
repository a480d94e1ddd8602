# METADATA
# title: "Pod does not require containers to run as non-root"
# description: "The restricted Pod Security Standard requires runAsNonRoot: true on the pod, or on every container: only then does the kubelet refuse to start a container whose image would run as UID 0."
# custom:
#   id: K8S-042
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Set `securityContext.runAsNonRoot: true` on the pod (and do not set it to false on any container), and build images with a non-root USER."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/, https://kubernetes.io/docs/tasks/configure-pod-container/security-context/]
#   compliance:
#     pss-restricted: ["running-as-non-root"]
#     cis-kubernetes-1.9: ["5.2.7"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.kubernetes.pod_security.run_as_non_root

import data.vigil.lib.k8s

pod_non_root := object.get(k8s.pod_security_context, "run_as_non_root", null)

deny contains {"msg": "pod sets runAsNonRoot: false", "path": "pod_spec.security_context.run_as_non_root"} if {
	pod_non_root == false
}

deny contains {"msg": msg, "path": k8s.field_path(i, "run_as_non_root")} if {
	some i, c in k8s.containers
	c.run_as_non_root == false
	msg := sprintf("%s sets runAsNonRoot: false", [k8s.label(c)])
}

# With the pod's runAsNonRoot unset or false, every container must set it.
deny contains {"msg": msg, "path": k8s.field_path(i, "run_as_non_root")} if {
	pod_non_root != true
	some i, c in k8s.containers
	object.get(c, "run_as_non_root", null) == null
	msg := sprintf("%s does not set runAsNonRoot: true, nor does the pod", [k8s.label(c)])
}
