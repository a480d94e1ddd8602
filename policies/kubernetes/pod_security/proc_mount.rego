# METADATA
# title: "Container unmasks /proc"
# description: "procMount: Unmasked removes the masking of sensitive /proc paths that the runtime applies by default, exposing host kernel information and interfaces; the baseline Pod Security Standard allows only Default."
# custom:
#   id: K8S-038
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Remove `securityContext.procMount` or set it to Default."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/, https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/]
#   compliance:
#     pss-baseline: ["proc-mount"]
#     nist-800-53-r5: ["AC-6", "SC-39"]
package vigil.rules.kubernetes.pod_security.proc_mount

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": k8s.field_path(i, "proc_mount")} if {
	some i, c in k8s.containers
	p := object.get(c, "proc_mount", "")
	not p in {"", "Default", null}
	msg := sprintf("%s sets procMount %q (allowed: Default)", [k8s.label(c), p])
}
