# METADATA
# title: "CodeBuild project runs builds in privileged mode"
# description: "Privileged mode gives the build container root access to the host's kernel features (the Docker daemon inside the build); a compromised dependency or build script can then escape the container. Only projects that build Docker images need it."
# custom:
#   id: AWS-CB-001
#   severity: high
#   kinds: [aws.codebuild.project]
#   remediation: "Turn privileged mode off in the project's environment unless the project builds Docker images; build images in a dedicated project with a narrow service role."
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html, https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectEnvironment.html]
#   compliance:
#     aws-fsbp: ["CodeBuild.5"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.aws.codebuild.privileged_mode

deny contains {"msg": sprintf("CodeBuild project %s runs its builds in privileged mode", [object.get(input, "name", input.id)]), "path": "privileged_mode"} if {
	input.attributes.privileged_mode == true
}
