# METADATA
# title: "Binding names the system:masters group"
# description: "Members of system:masters have unrestricted access hard-coded into the API server: no binding grants it and removing bindings does not take it away. Binding roles to the group hides that, and a client certificate with O=system:masters stays a cluster administrator until it expires."
# custom:
#   id: K8S-044
#   severity: high
#   kinds: [kubernetes.role_binding, kubernetes.cluster_role_binding]
#   remediation: "Remove system:masters from the binding's subjects; bind administrators to cluster-admin (or narrower roles) through a group of your own, which RBAC can revoke."
#   references: [https://kubernetes.io/docs/concepts/security/rbac-good-practices/, https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.7"]
#     nist-800-53-r5: ["AC-2", "AC-6"]
package vigil.rules.kubernetes.rbac.system_masters

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": sprintf("subjects[%d]", [i])} if {
	some i, s in k8s.arr(object.get(input.attributes, "subjects", []))
	s.kind == "Group"
	s.name == "system:masters"
	msg := sprintf("binds %s %q to the system:masters group", [input.attributes.role_ref_kind, input.attributes.role_ref_name])
}
