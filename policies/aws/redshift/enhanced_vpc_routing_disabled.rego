# METADATA
# title: "Redshift cluster does not use enhanced VPC routing"
# description: >-
#   Without enhanced VPC routing, COPY and UNLOAD traffic between the cluster and S3 or other data stores leaves the VPC over the internet path, outside the VPC's endpoint policies, security groups, network ACLs and flow logs.
# custom:
#   id: AWS-REDSHIFT-021
#   severity: medium
#   kinds: [aws.redshift.cluster]
#   remediation: >-
#     Set enhanced_vpc_routing = true (EnhancedVpcRouting: true), with an S3 gateway endpoint or NAT route for the traffic.
#   references: [https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html, https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-7]
#   compliance:
#     aws-fsbp: ["Redshift.7"]
#     nist-800-53-r5: ["SC-7", "AC-4"]
package vigil.rules.aws.redshift.enhanced_vpc_routing_disabled

deny contains {"msg": sprintf("Redshift cluster %s routes COPY and UNLOAD traffic outside its VPC (enhanced VPC routing off)", [object.get(input, "name", input.id)]), "path": "enhanced_vpc_routing"} if {
	input.attributes.enhanced_vpc_routing == false
}
