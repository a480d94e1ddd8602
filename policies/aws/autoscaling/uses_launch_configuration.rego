# METADATA
# title: "Auto Scaling group uses a launch configuration"
# description: "Launch configurations are deprecated: they get no new instance types or EC2 features (IMDS settings per version, several instance types, Spot and On-Demand mixes) and cannot be versioned; AWS no longer lets new accounts create them."
# custom:
#   id: AWS-ASG-005
#   severity: medium
#   kinds: [aws.autoscaling.group]
#   remediation: "Copy the launch configuration to a launch template (the console's copy action does it), point the group at the template (launch_template { id, version }), and delete the launch configuration."
#   references: [https://docs.aws.amazon.com/autoscaling/ec2/userguide/migrate-to-launch-templates.html, https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-9]
#   compliance:
#     aws-fsbp: ["AutoScaling.9"]
#     nist-800-53-r5: ["CM-2"]
package vigil.rules.aws.autoscaling.uses_launch_configuration

deny contains {"msg": sprintf("Auto Scaling group %s launches from launch configuration %s, not a launch template", [object.get(input, "name", input.id), input.attributes.launch_configuration_name]), "path": "launch_configuration_name"} if {
	input.attributes.launch_configuration_name != ""
}
