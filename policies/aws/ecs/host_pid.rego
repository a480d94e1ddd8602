# METADATA
# title: "ECS task definition shares the host's process namespace"
# description: "With pidMode host the containers see every process of the instance, other tasks' and the ECS agent's included, and with enough privilege can signal or trace them."
# custom:
#   id: AWS-ECS-005
#   severity: high
#   kinds: [aws.ecs.task_definition]
#   remediation: "Remove pidMode (each container gets its own namespace) or set it to task."
#   references: [https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html, https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html]
#   compliance:
#     aws-fsbp: ["ECS.3"]
#     nist-800-53-r5: ["AC-6", "SC-39"]
package vigil.rules.aws.ecs.host_pid

deny contains {"msg": sprintf("ECS task definition %s shares the host's process namespace (pidMode host)", [object.get(input, "name", input.id)]), "path": "pid_mode"} if {
	input.attributes.pid_mode == "host"
}
