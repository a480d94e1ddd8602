# METADATA
# title: "Container has no memory limit"
# description: "Without a memory limit one container can starve every other workload on its node and trigger the out-of-memory killer on them."
# custom:
#   id: K8S-012
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Set `resources.limits.memory` on every container."
#   references: [https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/]
#   compliance:
#     nist-800-53-r5: ["SC-6"]
package vigil.rules.kubernetes.workload.memory_limit

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": k8s.field_path(i, "resources.limits_memory")} if {
	some i, c in k8s.containers
	c.type != "ephemeral"
	object.get(object.get(c, "resources", {}), "limits_memory", "") in {"", null}
	msg := sprintf("%s sets no memory limit", [k8s.label(c)])
}
