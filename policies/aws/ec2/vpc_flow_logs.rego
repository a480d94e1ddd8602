# METADATA
# title: VPC flow logs are disabled
# description: Without flow logs there is no record of the traffic accepted or rejected in the VPC, which is needed to detect and investigate intrusions.
# custom:
#   id: AWS-EC2-012
#   severity: medium
#   kinds: [aws.ec2.vpc]
#   remediation: Add an aws_flow_log with vpc_id of the VPC (traffic_type ALL or REJECT) to CloudWatch Logs or S3.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html]
#   compliance:
#     cis-aws-3.0: ["3.7"]
#     cis-aws-5.0: ["3.7"]
#     cis-aws-7.0: ["4.7"]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-2", "AU-12", "SI-4"]
package vigil.rules.aws.ec2.vpc_flow_logs

deny contains {"msg": msg, "path": "flow_logs_enabled"} if {
	input.attributes.flow_logs_enabled == false
	msg := sprintf("VPC %s (%s) has no flow log", [input.name, input.attributes.cidr_block])
}
