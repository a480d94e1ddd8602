# METADATA
# title: "Binding grants cluster-admin"
# description: "cluster-admin is full control of the cluster: every secret, every workload, every node. Each binding to it is a path to total compromise."
# custom:
#   id: K8S-026
#   severity: high
#   kinds: [kubernetes.role_binding, kubernetes.cluster_role_binding]
#   remediation: "Bind subjects to narrowly scoped Roles instead; keep cluster-admin for break-glass use only."
#   references: [https://kubernetes.io/docs/concepts/security/rbac-good-practices/, https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.1"]
#     nist-800-53-r5: ["AC-6", "AC-2"]
package vigil.rules.kubernetes.rbac.cluster_admin_binding

import data.vigil.lib.k8s

# The built-in binding named cluster-admin (to system:masters) is exempt.
deny contains {"msg": msg, "path": "role_ref_name"} if {
	input.attributes.role_ref_kind == "ClusterRole"
	input.attributes.role_ref_name == "cluster-admin"
	input.name != "cluster-admin"
	subjects := [sprintf("%s %s", [s.kind, s.name]) | some s in k8s.arr(object.get(input.attributes, "subjects", []))]
	msg := sprintf("binds cluster-admin to %s", [concat(", ", subjects)])
}
