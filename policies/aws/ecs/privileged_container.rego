# METADATA
# title: "ECS container runs privileged"
# description: "A privileged container gets root on the container instance: every capability and every device of the host, so a compromise of the container is a compromise of the instance and of every task on it."
# custom:
#   id: AWS-ECS-001
#   severity: high
#   kinds: [aws.ecs.task_definition]
#   remediation: "Remove privileged (or set it to false) from the container definition and grant only the Linux capabilities the container needs (linuxParameters.capabilities.add)."
#   references: [https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html, https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html]
#   compliance:
#     aws-fsbp: ["ECS.4"]
#     nist-800-53-r5: ["AC-6", "CM-7"]
package vigil.rules.aws.ecs.privileged_container

deny contains {"msg": sprintf("ECS task definition %s: container %s runs privileged", [object.get(input, "name", input.id), c.name]), "path": sprintf("containers[%d].privileged", [i])} if {
	some i, c in input.attributes.containers
	c.privileged == true
}
