# METADATA
# title: "Classic Load Balancer does not balance across Availability Zones"
# description: "Without cross-zone load balancing, each load balancer node sends traffic only to the instances of its own Availability Zone, so a zone with fewer healthy instances overloads them while capacity elsewhere idles. The API and CloudFormation leave it off by default; the console and the Terraform provider turn it on."
# custom:
#   id: AWS-ELB-031
#   severity: medium
#   kinds: [aws.elb.load_balancer]
#   remediation: "Set cross_zone_load_balancing = true on aws_elb (CloudFormation: CrossZone: true)."
#   references: [https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-disable-crosszone-lb.html, https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-9]
#   compliance:
#     aws-fsbp: ["ELB.9"]
#     nist-800-53-r5: ["CP-10", "SC-5"]
package vigil.rules.aws.elb.classic_cross_zone_disabled

deny contains {"msg": sprintf("Classic Load Balancer %s does not balance across Availability Zones", [object.get(input, "name", input.id)]), "path": "cross_zone_load_balancing"} if {
	input.attributes.cross_zone_load_balancing == false
}
