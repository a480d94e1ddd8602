# METADATA
# title: "Pod mounts a service account token automatically"
# description: "Unless automountServiceAccountToken is false, every container gets an API token; anyone who compromises the container can call the Kubernetes API with the service account's rights."
# custom:
#   id: K8S-019
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount) unless the workload calls the Kubernetes API."
#   references: [https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.6"]
#     nist-800-53-r5: ["AC-6", "IA-5"]
package vigil.rules.kubernetes.service_account.automount_token

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": "pod_spec.automount_service_account_token"} if {
	object.get(k8s.pod_spec, "automount_service_account_token", null) != false
	msg := "pod does not set automountServiceAccountToken to false"
}
