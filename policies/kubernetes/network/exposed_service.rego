# METADATA
# title: "Service exposed outside the cluster without source restriction"
# description: "A NodePort Service listens on every node's address, and a LoadBalancer without loadBalancerSourceRanges is reachable from anywhere the load balancer is."
# custom:
#   id: K8S-032
#   severity: low
#   kinds: [kubernetes.service]
#   remediation: "Use ClusterIP behind an ingress, or set `loadBalancerSourceRanges` to the client networks that need access."
#   references: [https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types]
#   compliance:
#     nist-800-53-r5: ["SC-7"]
package vigil.rules.kubernetes.network.exposed_service

import data.vigil.lib.k8s

open_ranges(a) if count(k8s.arr(object.get(a, "load_balancer_source_ranges", []))) == 0

open_ranges(a) if {
	some r in a.load_balancer_source_ranges
	r in {"0.0.0.0/0", "::/0"}
}

deny contains {"msg": "Service of type NodePort exposes its ports on every node", "path": "type"} if {
	input.attributes.type == "NodePort"
}

deny contains {"msg": msg, "path": "load_balancer_source_ranges"} if {
	input.attributes.type == "LoadBalancer"
	open_ranges(input.attributes)
	msg := "LoadBalancer Service accepts traffic from any source (no loadBalancerSourceRanges)"
}
