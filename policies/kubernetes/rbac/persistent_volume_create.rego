# METADATA
# title: "RBAC role can create PersistentVolumes"
# description: "A PersistentVolume can be of type hostPath: whoever creates one and claims it mounts any directory of the node into a pod, bypassing the restrictions placed on pods' own volumes."
# custom:
#   id: K8S-047
#   severity: medium
#   kinds: [kubernetes.role, kubernetes.cluster_role]
#   remediation: "Grant create on persistentvolumes only to storage administrators and provisioners; let workloads use PersistentVolumeClaims."
#   references: [https://kubernetes.io/docs/concepts/security/rbac-good-practices/]
#   compliance:
#     cis-kubernetes-1.9: ["5.1.9"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.kubernetes.rbac.persistent_volume_create

import data.vigil.lib.k8s

# [verb, API group, resource] triples this rule looks for.
sensitive := [["create", "", "persistentvolumes"]]

deny contains {"msg": msg, "path": k8s.rule_path(i, "verbs")} if {
	some i, r in k8s.rbac_rules
	grants := {sprintf("%s %s", [p[0], p[2]]) | some p in sensitive; k8s.allows_in(r, p[0], p[1], p[2])}
	count(grants) > 0
	msg := sprintf("rule %d allows %s (node storage through hostPath volumes)", [i, concat(", ", sort(grants))])
}
