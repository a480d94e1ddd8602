# METADATA
# title: "Binding grants a role to a default service account"
# description: "A default service account runs every pod of its namespace that names no other; rights bound to it go to all of them, so the default account should hold none."
# custom:
#   id: K8S-046
#   severity: medium
#   kinds: [kubernetes.role_binding, kubernetes.cluster_role_binding]
#   remediation: "Create a dedicated ServiceAccount for the workload that needs the role, bind the role to it, and set `serviceAccountName` on that workload."
#   references: [https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts, https://kubernetes.io/docs/concepts/security/rbac-good-practices/]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.5"]
#     nist-800-53-r5: ["AC-2", "AC-6"]
package vigil.rules.kubernetes.rbac.default_sa_binding

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": sprintf("subjects[%d]", [i])} if {
	some i, s in k8s.arr(object.get(input.attributes, "subjects", []))
	s.kind == "ServiceAccount"
	s.name == "default"
	ns := subject_namespace(s)
	msg := sprintf("binds %s %q to the default service account of namespace %q", [input.attributes.role_ref_kind, input.attributes.role_ref_name, ns])
}

# A RoleBinding's subject without a namespace is in the binding's own.
subject_namespace(s) := s.namespace if {
	not s.namespace in {"", null}
} else := object.get(input.attributes, "namespace", "")
