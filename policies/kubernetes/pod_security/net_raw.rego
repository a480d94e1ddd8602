# METADATA
# title: "Container keeps the NET_RAW capability"
# description: "NET_RAW, granted by default by most runtimes, lets a container craft raw packets: ARP and DNS spoofing against its neighbours on the node."
# custom:
#   id: K8S-011
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Drop NET_RAW (or ALL) in `securityContext.capabilities.drop`, and do not add it back."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/]
#   compliance:
#     cis-kubernetes-1.9: ["5.2.8"]
#     nist-800-53-r5: ["AC-6", "CM-7"]
package vigil.rules.kubernetes.pod_security.net_raw

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": k8s.field_path(i, "capabilities_drop")} if {
	some i, c in k8s.containers
	c.type != "ephemeral"
	count({"ALL", "NET_RAW"} & k8s.dropped_caps(c)) == 0
	msg := sprintf("%s does not drop NET_RAW", [k8s.label(c)])
}

deny contains {"msg": msg, "path": k8s.field_path(i, "capabilities_add")} if {
	some i, c in k8s.containers
	"NET_RAW" in k8s.added_caps(c)
	msg := sprintf("%s adds NET_RAW", [k8s.label(c)])
}
