# METADATA
# title: "RBAC role can approve certificate signing requests"
# description: "Approving CertificateSigningRequests lets a subject issue itself client certificates, for instance for a privileged user or group, and so gain their rights."
# custom:
#   id: K8S-049
#   severity: high
#   kinds: [kubernetes.role, kubernetes.cluster_role]
#   remediation: "Remove update on certificatesigningrequests/approval from the role; leave approval to the controllers and administrators that need it."
#   references: [https://kubernetes.io/docs/concepts/security/rbac-good-practices/]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.11"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.kubernetes.rbac.csr_approval

import data.vigil.lib.k8s

# [verb, API group, resource] triples this rule looks for.
sensitive := [["update", "certificates.k8s.io", "certificatesigningrequests/approval"], ["patch", "certificates.k8s.io", "certificatesigningrequests/approval"]]

deny contains {"msg": msg, "path": k8s.rule_path(i, "verbs")} if {
	some i, r in k8s.rbac_rules
	grants := {sprintf("%s %s", [p[0], p[2]]) | some p in sensitive; k8s.allows_in(r, p[0], p[1], p[2])}
	count(grants) > 0
	msg := sprintf("rule %d allows %s (issuing client certificates)", [i, concat(", ", sort(grants))])
}
