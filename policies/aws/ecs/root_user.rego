# METADATA
# title: "ECS container does not run as a non-root user"
# description: "A container whose definition names no user, or names root, runs as root unless its image says otherwise; root in a container is one kernel bug, or one mounted socket, away from root on the host. As Kubernetes' runAsNonRoot, the definition itself must set a non-root user."
# custom:
#   id: AWS-ECS-003
#   severity: medium
#   kinds: [aws.ecs.task_definition]
#   remediation: "Set user in the container definition to a non-root uid (e.g. \"1000\" or \"1000:1000\"), and build the image to run as that user."
#   references: [https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html]
#   compliance:
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.aws.ecs.root_user

deny contains {"msg": sprintf("ECS task definition %s: container %s %s", [object.get(input, "name", input.id), c.name, why]), "path": sprintf("containers[%d].user", [i])} if {
	some i, c in input.attributes.containers
	why := root_user(c.user)
}

root_user(u) := "sets no user (it runs as the image's user, root unless the image says otherwise)" if u == ""

# "root", "0", "root:group", "0:0" (user or user:group).
root_user(u) := sprintf("runs as %s", [u]) if {
	u != ""
	name := split(u, ":")[0]
	name in {"root", "0"}
}
