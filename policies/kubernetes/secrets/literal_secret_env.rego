# METADATA
# title: "Secret value written literally in an environment variable"
# description: "A credential written as a literal env value lives in the manifest, in version control and in the API object, readable by everyone who can read the workload."
# custom:
#   id: K8S-024
#   severity: high
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Move the value to a Secret (or an external secret store) and reference it with `valueFrom.secretKeyRef`, better mount it as a file."
#   references: [https://kubernetes.io/docs/concepts/configuration/secret/]
#   compliance:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
package vigil.rules.kubernetes.secrets.literal_secret_env

import data.vigil.lib.k8s

secret_name_re := `(?i)(passw(or)?d|passwd|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credential|auth)`

deny contains {"msg": msg, "path": sprintf("pod_spec.containers[%d].env[%d]", [i, j])} if {
	some i, c in k8s.containers
	some j, e in k8s.arr(object.get(c, "env", []))
	e.has_value == true
	regex.match(secret_name_re, object.get(e, "name", ""))
	msg := sprintf("%s sets %s to a literal value", [k8s.label(c), e.name])
}
