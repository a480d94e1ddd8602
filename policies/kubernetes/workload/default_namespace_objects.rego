# METADATA
# title: "Object declared in the default namespace"
# description: "The default namespace gathers unrelated objects under one set of RBAC, quotas and network policies; Services, ServiceAccounts, Roles, RoleBindings and NetworkPolicies there share it with whatever else lands in it."
# custom:
#   id: K8S-052
#   severity: low
#   kinds: [kubernetes.service, kubernetes.service_account, kubernetes.role, kubernetes.role_binding, kubernetes.network_policy]
#   remediation: "Set `metadata.namespace` to a namespace dedicated to the application."
#   references: [https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/]
#   compliance:
#     cis-kubernetes-1.9: ["5.7.4"]
package vigil.rules.kubernetes.workload.default_namespace_objects

import data.vigil.lib.k8s

# The API server's own objects in default (the kubernetes Service, the
# default ServiceAccount) are not reported: nobody declares them.
builtin := {["kubernetes.service", "kubernetes"], ["kubernetes.service_account", "default"]}

deny contains {"msg": msg, "path": "namespace"} if {
	object.get(input.attributes, "namespace", "") in {"default", ""}
	not [input.kind, input.name] in builtin
	msg := sprintf("%s %q is in the default namespace", [input.kind, input.name])
}
