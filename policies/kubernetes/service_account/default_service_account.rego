# METADATA
# title: "Pod uses the default service account"
# description: "Workloads that share the namespace's default service account share its permissions, so granting one of them API access grants it to all."
# custom:
#   id: K8S-020
#   severity: low
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Create a dedicated ServiceAccount per workload and set `serviceAccountName`."
#   references: [https://kubernetes.io/docs/concepts/security/service-accounts/]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.5"]
#     nist-800-53-r5: ["AC-2", "AC-6"]
package vigil.rules.kubernetes.service_account.default_service_account

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": "pod_spec.service_account_name"} if {
	object.get(k8s.pod_spec, "service_account_name", "") in {"", "default", null}
	msg := "pod runs as the namespace's default service account"
}
