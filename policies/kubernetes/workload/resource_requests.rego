# METADATA
# title: "Container has no CPU or memory request"
# description: "Without requests the scheduler cannot place the pod sensibly and the pod is the first evicted under node pressure, which makes availability unpredictable."
# custom:
#   id: K8S-014
#   severity: low
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Set `resources.requests.cpu` and `resources.requests.memory` on every container."
#   references: [https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/]
#   compliance:
#     nist-800-53-r5: ["SC-6"]
package vigil.rules.kubernetes.workload.resource_requests

import data.vigil.lib.k8s

requests := {"requests_cpu": "CPU", "requests_memory": "memory"}

deny contains {"msg": msg, "path": k8s.field_path(i, sprintf("resources.%s", [field]))} if {
	some i, c in k8s.containers
	c.type != "ephemeral"
	some field, what in requests
	object.get(object.get(c, "resources", {}), field, "") in {"", null}
	msg := sprintf("%s sets no %s request", [k8s.label(c), what])
}
