# METADATA
# title: "ECS task definition uses the host's network"
# description: "In host network mode the containers share the instance's network stack: they bypass the task's security groups, can bind any port of the host and reach what the host reaches, including the instance metadata service."
# custom:
#   id: AWS-ECS-002
#   severity: medium
#   kinds: [aws.ecs.task_definition]
#   remediation: "Use the awsvpc network mode (or bridge on EC2) so each task gets its own network interface and security groups."
#   references: [https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html, https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html]
#   compliance:
#     nist-800-53-r5: ["AC-4", "SC-7"]
package vigil.rules.aws.ecs.host_network

deny contains {"msg": sprintf("ECS task definition %s uses the host network mode", [object.get(input, "name", input.id)]), "path": "network_mode"} if {
	input.attributes.network_mode == "host"
}
