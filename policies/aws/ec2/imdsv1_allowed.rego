# METADATA
# title: Instance metadata service allows IMDSv1
# description: IMDSv1 answers unauthenticated GET requests, so an SSRF flaw in the workload can steal the instance role's credentials; IMDSv2 requires a session token.
# custom:
#   id: AWS-EC2-007
#   severity: medium
#   kinds: [aws.ec2.instance, aws.ec2.launch_template]
#   remediation: Set metadata_options { http_tokens = "required" } (or disable the endpoint with http_endpoint = "disabled").
#   references: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html]
#   compliance:
#     cis-aws-3.0: ["5.6"]
#     cis-aws-5.0: ["5.7"]
#     cis-aws-7.0: ["6.7"]
#     nist-800-53-r5: ["AC-3", "SC-7"]
package vigil.rules.aws.ec2.imdsv1_allowed

deny contains {"msg": msg, "path": "metadata_options.http_tokens"} if {
	mo := input.attributes.metadata_options
	mo.http_endpoint != "disabled"
	mo.http_tokens != "required"
	label := {"aws.ec2.instance": "instance", "aws.ec2.launch_template": "launch template"}[input.kind]
	msg := sprintf("%s %s allows IMDSv1 (http_tokens is %q, not \"required\")", [label, input.name, mo.http_tokens])
}
