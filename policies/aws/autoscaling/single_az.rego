# METADATA
# title: "Auto Scaling group launches into a single Availability Zone"
# description: "A group confined to one Availability Zone loses all its capacity when that zone is impaired; Auto Scaling can only rebalance across the zones it is given."
# custom:
#   id: AWS-ASG-002
#   severity: medium
#   kinds: [aws.autoscaling.group]
#   remediation: "Give the group subnets (vpc_zone_identifier; CloudFormation VPCZoneIdentifier) or Availability Zones in at least two zones."
#   references: [https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html, https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-2]
#   compliance:
#     aws-fsbp: ["AutoScaling.2"]
#     nist-800-53-r5: ["CP-10", "SC-5(2)"]
package vigil.rules.aws.autoscaling.single_az

deny contains {"msg": sprintf("Auto Scaling group %s launches into %d Availability Zone(s)", [object.get(input, "name", input.id), count(input.attributes.availability_zones)]), "path": "availability_zones"} if {
	count(input.attributes.availability_zones) < 2
}
