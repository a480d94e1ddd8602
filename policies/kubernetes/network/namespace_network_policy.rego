# METADATA
# title: "Namespace has no NetworkPolicy"
# description: "Without a NetworkPolicy every pod in the namespace accepts traffic from every pod in the cluster, so one compromised workload can reach all others. A namespace that runs no workload in the scanned input is not reported: there is no pod to isolate."
# custom:
#   id: K8S-030
#   severity: medium
#   kinds: [kubernetes.namespace]
#   remediation: "Add a default-deny NetworkPolicy to the namespace (`podSelector: {}` with policyTypes Ingress and Egress) and allow the flows the workloads need."
#   references: [https://kubernetes.io/docs/concepts/services-networking/network-policies/]
#   compliance:
#     cis-kubernetes-1.9: ["5.3.2"]
#     nist-800-53-r5: ["SC-7", "AC-4"]
package vigil.rules.kubernetes.network.namespace_network_policy

import data.vigil.lib.k8s

system_namespaces := {"kube-system", "kube-public", "kube-node-lease"}

deny contains {"msg": msg, "path": "network_policies"} if {
	not input.name in system_namespaces
	input.attributes.workloads > 0
	count(k8s.arr(object.get(input.attributes, "network_policies", []))) == 0
	msg := sprintf("namespace %q runs %d workload(s) and has no NetworkPolicy", [input.name, input.attributes.workloads])
}
