# METADATA
# title: "ECS container root file system is writable"
# description: "A writable root file system lets an intruder change binaries and drop tools inside the container; a read-only root (with volumes where the application must write) makes the running image immutable."
# custom:
#   id: AWS-ECS-004
#   severity: low
#   kinds: [aws.ecs.task_definition]
#   remediation: "Set readonlyRootFilesystem to true in the container definition and mount volumes for the paths the application writes."
#   references: [https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html, https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html]
#   compliance:
#     aws-fsbp: ["ECS.5"]
#     nist-800-53-r5: ["AC-6", "CM-7"]
package vigil.rules.aws.ecs.writable_root_fs

deny contains {"msg": sprintf("ECS task definition %s: container %s has a writable root file system", [object.get(input, "name", input.id), c.name]), "path": sprintf("containers[%d].readonly_root_filesystem", [i])} if {
	some i, c in input.attributes.containers
	not c.readonly_root_filesystem
}
