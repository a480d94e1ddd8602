# METADATA
# title: "OpenSearch domain is not in a VPC"
# description: "A domain outside a VPC has a public endpoint reachable from the internet; only its access policy stands between any caller and the cluster, and security groups and private networking cannot be applied."
# custom:
#   id: AWS-OPENSEARCH-020
#   severity: high
#   kinds: [aws.opensearch.domain]
#   remediation: "Create the domain with vpc_options (subnet_ids, security_group_ids); CloudFormation VPCOptions. A public domain cannot be moved into a VPC: create a VPC domain and migrate the data with a snapshot."
#   references: [https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html, https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-2]
#   compliance:
#     aws-fsbp: ["Opensearch.2"]
#     nist-800-53-r5: ["AC-4", "SC-7"]
#     pci-dss-4.0: ["1.4.1"]
package vigil.rules.aws.opensearch.not_in_vpc

deny contains {"msg": sprintf("OpenSearch domain %s has a public endpoint (not in a VPC)", [object.get(input, "name", input.id)]), "path": "vpc_configured"} if {
	input.attributes.vpc_configured == false
}
