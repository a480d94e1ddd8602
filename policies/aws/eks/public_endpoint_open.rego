# METADATA
# title: "EKS public API endpoint is open to the internet"
# description: "A public Kubernetes API endpoint reachable from 0.0.0.0/0 exposes the control plane to credential stuffing and to any future API server vulnerability."
# custom:
#   id: AWS-EKS-001
#   severity: high
#   kinds: [aws.eks.cluster]
#   remediation: "Set vpc_config endpoint_public_access = false (with endpoint_private_access = true), or restrict public_access_cidrs to known networks."
#   references: [https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html]
#   compliance:
#     pci-dss-4.0: ["1.4.1"]
#     nist-800-53-r5: ["AC-3", "SC-7"]
package vigil.rules.aws.eks.public_endpoint_open

import data.vigil.lib.net

deny contains {"msg": sprintf("EKS cluster %s exposes its public API endpoint to %s", [object.get(input, "name", input.id), cidr]), "path": sprintf("public_access_cidrs[%d]", [i])} if {
	input.attributes.endpoint_public_access
	some i, cidr in input.attributes.public_access_cidrs
	net.open_cidr(cidr)
}
