# METADATA
# title: "Step Functions state machine does not log its executions"
# description: "With logging OFF, a state machine's execution history reaches no CloudWatch Logs group: Express workflows keep no history at all, and failures or misuse of the workflow's role cannot be traced after the fact."
# custom:
#   id: AWS-SFN-001
#   severity: medium
#   kinds: [aws.sfn.state_machine]
#   remediation: "Set a logging configuration with level ALL, ERROR or FATAL and a CloudWatch Logs destination: logging_configuration { level = \"ERROR\" log_destination = \"${aws_cloudwatch_log_group.x.arn}:*\" } in Terraform, LoggingConfiguration in CloudFormation."
#   references: [https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html, https://docs.aws.amazon.com/securityhub/latest/userguide/stepfunctions-controls.html]
#   compliance:
#     aws-fsbp: ["StepFunctions.1"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
package vigil.rules.aws.sfn.logging_disabled

deny contains {"msg": sprintf("Step Functions state machine %s does not log its executions (level %s)", [object.get(input, "name", input.id), input.attributes.logging_level]), "path": "logging_level"} if {
	input.attributes.logging_level == "OFF"
}
