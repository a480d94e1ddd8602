# METADATA
# title: "Launch configuration allows IMDSv1"
# description: "Instances launched from the configuration answer unauthenticated IMDSv1 requests, so an SSRF flaw in the workload can steal the instance role's credentials; IMDSv2 requires a session token. Launch configurations default to tokens optional."
# custom:
#   id: AWS-ASG-003
#   severity: medium
#   kinds: [aws.autoscaling.launch_configuration]
#   remediation: "Create a launch configuration (or better, a launch template) with metadata_options { http_tokens = \"required\" } (CloudFormation MetadataOptions.HttpTokens: required), or the endpoint disabled, and move the groups onto it."
#   references: [https://docs.aws.amazon.com/autoscaling/ec2/userguide/create-launch-config.html#launch-configurations-imds, https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-3]
#   compliance:
#     aws-fsbp: ["AutoScaling.3"]
#     nist-800-53-r5: ["AC-3", "SC-7"]
package vigil.rules.aws.autoscaling.launch_configuration_imdsv1

deny contains {"msg": sprintf("launch configuration %s allows IMDSv1 (http_tokens is %q, not \"required\")", [object.get(input, "name", input.id), mo.http_tokens]), "path": "metadata_options.http_tokens"} if {
	mo := input.attributes.metadata_options
	mo.http_endpoint != "disabled"
	mo.http_tokens != "required"
}
