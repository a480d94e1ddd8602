# METADATA
# title: "Secret exposed through an environment variable"
# description: "Environment variables leak: into crash dumps, child processes, logs of misbehaving applications and `kubectl describe`. Secrets mounted as files are safer."
# custom:
#   id: K8S-033
#   severity: low
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Mount the Secret as a volume and have the application read the file instead of using `valueFrom.secretKeyRef`."
#   references: [https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod]
#   compliance:
#     cis-kubernetes-1.9: ["5.4.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.kubernetes.secrets.secret_env

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": sprintf("pod_spec.containers[%d].env[%d]", [i, j])} if {
	some i, c in k8s.containers
	some j, e in k8s.arr(object.get(c, "env", []))
	e.from_secret == true
	msg := sprintf("%s reads secret into environment variable %s", [k8s.label(c), e.name])
}
