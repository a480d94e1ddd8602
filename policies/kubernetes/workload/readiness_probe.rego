# METADATA
# title: "Container has no readiness probe"
# description: "Without a readinessProbe traffic is sent to containers that are not ready to serve it, which turns partial failures into outages."
# custom:
#   id: K8S-023
#   severity: low
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.replicationcontroller]
#   remediation: "Define `readinessProbe` on every long-running container."
#   references: [https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/]
#   compliance:
#     nist-800-53-r5: ["CP-10"]
package vigil.rules.kubernetes.workload.readiness_probe

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": k8s.field_path(i, "readiness_probe")} if {
	some i, c in k8s.app_containers
	object.get(c, "readiness_probe", false) != true
	msg := sprintf("%s has no readinessProbe", [k8s.label(c)])
}
