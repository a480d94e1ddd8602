# METADATA
# title: "Auto Scaling group does not propagate its tags to its instances"
# description: "Tags of the group that are not propagated at launch are missing on its instances and their volumes, so ownership, cost allocation and tag-based access control (aws:ResourceTag conditions, ABAC) do not apply to them."
# custom:
#   id: AWS-ASG-006
#   severity: low
#   kinds: [aws.autoscaling.group]
#   remediation: "Set propagate_at_launch = true on the group's tag blocks (CloudFormation PropagateAtLaunch: true), or tag the instances through the launch template's tag specifications."
#   references: [https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-tagging.html]
#   compliance:
#     nist-800-53-r5: ["CM-8"]
package vigil.rules.aws.autoscaling.tags_not_propagated

deny contains {"msg": sprintf("Auto Scaling group %s does not propagate tag %s to the instances it launches", [object.get(input, "name", input.id), k]), "path": sprintf("unpropagated_tags[%d]", [i])} if {
	some i, k in input.attributes.unpropagated_tags
}
