# METADATA
# title: "Default service account mounts its token automatically"
# description: "Every pod that names no service account runs as its namespace's default one; unless that account sets automountServiceAccountToken: false, each such pod gets an API token it almost never needs."
# custom:
#   id: K8S-045
#   severity: medium
#   kinds: [kubernetes.service_account]
#   remediation: "Set `automountServiceAccountToken: false` on the default ServiceAccount of each namespace, and give workloads that call the API their own ServiceAccount."
#   references: [https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts, https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.5"]
#     nist-800-53-r5: ["AC-6", "IA-5"]
package vigil.rules.kubernetes.service_account.default_sa_automount

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": "automount_service_account_token"} if {
	input.name == "default"
	object.get(input.attributes, "automount_service_account_token", null) != false
	msg := sprintf("the default service account of namespace %q does not set automountServiceAccountToken to false", [input.attributes.namespace])
}
