# METADATA
# title: "RBAC role uses wildcards"
# description: "A \"*\" in verbs, resources or apiGroups grants today's and every future permission in that dimension, including ones nobody reviewed."
# custom:
#   id: K8S-025
#   severity: medium
#   kinds: [kubernetes.role, kubernetes.cluster_role]
#   remediation: "Replace \"*\" with the explicit verbs, resources and API groups the subject needs."
#   references: [https://kubernetes.io/docs/concepts/security/rbac-good-practices/]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.3"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.kubernetes.rbac.wildcard

import data.vigil.lib.k8s

fields := {"verbs": "verbs", "resources": "resources", "api_groups": "apiGroups", "non_resource_urls": "nonResourceURLs"}

deny contains {"msg": msg, "path": k8s.rule_path(i, field)} if {
	some i, r in k8s.rbac_rules
	some field, yaml_name in fields
	"*" in k8s.strs(r, field)
	msg := sprintf("rule %d grants \"*\" in %s", [i, yaml_name])
}
