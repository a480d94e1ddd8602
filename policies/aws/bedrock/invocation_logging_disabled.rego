# METADATA
# title: "Amazon Bedrock model invocation logging is not configured in the region"
# description: "Without model invocation logging, the prompts sent to foundation models and the answers they gave are kept nowhere: misuse of the models, prompt injection and leaks of sensitive data through them cannot be investigated."
# custom:
#   id: AWS-BEDROCK-001
#   severity: medium
#   kinds: [aws.bedrock.invocation_logging]
#   remediation: "Configure model invocation logging (aws_bedrock_model_invocation_logging_configuration) to a CloudWatch Logs log group or an S3 bucket in every region where Bedrock is used."
#   references: [https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html]
#   compliance:
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.bedrock.invocation_logging_disabled

deny contains {"msg": sprintf("Amazon Bedrock model invocation logging is not configured in region %s", [input.region]), "path": "enabled"} if {
	not input.attributes.enabled
}
