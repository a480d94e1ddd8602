# METADATA
# title: "ECS container passes AWS credentials in plain environment variables"
# description: "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and ECS_ENGINE_AUTH_DATA set in a container's plain environment are stored in the task definition in clear text, readable by anyone who may describe it; tasks should take AWS permissions from their task role and secrets from Secrets Manager or Parameter Store. The names alone decide: values are never read into Vigil."
# custom:
#   id: AWS-ECS-006
#   severity: high
#   kinds: [aws.ecs.task_definition]
#   remediation: "Remove the variables from environment: give the task a task role for AWS access, and pass other secrets through the container definition's secrets (Secrets Manager or SSM Parameter Store). Rotate the exposed keys."
#   references: [https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html, https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html]
#   compliance:
#     aws-fsbp: ["ECS.8"]
#     pci-dss-4.0: ["8.3.2"]
#     nist-800-53-r5: ["IA-5", "SC-28"]
package vigil.rules.aws.ecs.credentials_in_environment

# The variables AWS Security Hub's ECS.8 names.
credential_names := {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA"}

deny contains {"msg": sprintf("ECS task definition %s: container %s sets %s in its plain environment", [object.get(input, "name", input.id), c.name, n]), "path": sprintf("containers[%d].environment_names[%d]", [i, j])} if {
	some i, c in input.attributes.containers
	some j, n in c.environment_names
	upper(n) in credential_names
}
