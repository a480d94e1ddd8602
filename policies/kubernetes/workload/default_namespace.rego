# METADATA
# title: "Workload runs in the default namespace"
# description: "The default namespace gathers unrelated workloads under one set of RBAC, quotas and network policies, which defeats namespace-level isolation."
# custom:
#   id: K8S-031
#   severity: low
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Set `metadata.namespace` to a namespace dedicated to the application."
#   references: [https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/]
#   compliance:
#     cis-kubernetes-1.9: ["5.7.4"]
package vigil.rules.kubernetes.workload.default_namespace

import data.vigil.lib.k8s

deny contains {"msg": "workload runs in the default namespace", "path": "namespace"} if {
	object.get(input.attributes, "namespace", "") in {"default", ""}
}
