# METADATA
# title: "Container has no liveness probe"
# description: "Without a livenessProbe a hung container is never restarted, which turns partial failures into outages."
# custom:
#   id: K8S-022
#   severity: low
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.replicationcontroller]
#   remediation: "Define `livenessProbe` on every long-running container."
#   references: [https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/]
#   compliance:
#     nist-800-53-r5: ["CP-10"]
package vigil.rules.kubernetes.workload.liveness_probe

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": k8s.field_path(i, "liveness_probe")} if {
	some i, c in k8s.app_containers
	object.get(c, "liveness_probe", false) != true
	msg := sprintf("%s has no livenessProbe", [k8s.label(c)])
}
