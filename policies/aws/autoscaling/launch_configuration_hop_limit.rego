# METADATA
# title: "Launch configuration lets metadata responses travel more than one hop"
# description: "With a PUT response hop limit above 1, containers and forwarded traffic on the instance can obtain IMDSv2 session tokens and with them the instance role's credentials."
# custom:
#   id: AWS-ASG-008
#   severity: medium
#   kinds: [aws.autoscaling.launch_configuration]
#   remediation: "Create a launch configuration (or better, a launch template) with metadata_options { http_put_response_hop_limit = 1 } (CloudFormation MetadataOptions.HttpPutResponseHopLimit: 1) and move the groups onto it."
#   references: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html#imds-considerations, https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-4]
#   compliance:
#     aws-fsbp: ["AutoScaling.4"]
#     nist-800-53-r5: ["AC-3", "SC-7"]
package vigil.rules.aws.autoscaling.launch_configuration_hop_limit

deny contains {"msg": sprintf("launch configuration %s lets metadata responses travel %d hops", [object.get(input, "name", input.id), mo.http_put_response_hop_limit]), "path": "metadata_options.http_put_response_hop_limit"} if {
	mo := input.attributes.metadata_options
	mo.http_endpoint != "disabled"
	mo.http_put_response_hop_limit > 1
}
