# METADATA
# title: "Container has no CPU limit"
# description: "Without a CPU limit one container can starve every other workload on its node of CPU time."
# custom:
#   id: K8S-013
#   severity: low
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Set `resources.limits.cpu` on every container."
#   references: [https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/]
#   compliance:
#     nist-800-53-r5: ["SC-6"]
package vigil.rules.kubernetes.workload.cpu_limit

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": k8s.field_path(i, "resources.limits_cpu")} if {
	some i, c in k8s.containers
	c.type != "ephemeral"
	object.get(object.get(c, "resources", {}), "limits_cpu", "") in {"", null}
	msg := sprintf("%s sets no CPU limit", [k8s.label(c)])
}
