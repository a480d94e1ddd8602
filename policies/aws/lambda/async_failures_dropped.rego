# METADATA
# title: Lambda function invoked asynchronously keeps no record of failed events
# description: >-
#   Services such as S3, SNS, SES, EventBridge and CloudWatch Logs invoke a function asynchronously:
#   Lambda queues the event, retries it, and then discards it unless the function has a dead-letter
#   queue or an on-failure destination. An event that failed (a bug, a throttle, an attack that made
#   the function crash) is lost without a trace. Judged on functions whose resource policy lets such a
#   service invoke them.
# custom:
#   id: AWS-LAMBDA-021
#   severity: low
#   kinds: [aws.lambda.function]
#   remediation: Give the function a dead-letter queue (dead_letter_config { target_arn }; DeadLetterConfig.TargetArn) or an on-failure destination (aws_lambda_function_event_invoke_config destination_config.on_failure; AWS::Lambda::EventInvokeConfig DestinationConfig.OnFailure).
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html, https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html]
#   compliance:
#     nist-800-53-r5: ["AU-12", "SI-4"]
package vigil.rules.aws.lambda.async_failures_dropped

# Service principals that invoke a function asynchronously (Lambda's
# "Invoking Lambda with events from other AWS services").
async_invokers := {
	"s3.amazonaws.com", "sns.amazonaws.com", "ses.amazonaws.com", "events.amazonaws.com",
	"scheduler.amazonaws.com", "logs.amazonaws.com", "codecommit.amazonaws.com",
	"config.amazonaws.com", "iot.amazonaws.com", "iotevents.amazonaws.com",
}

# The principal may be regional (logs.us-east-1.amazonaws.com).
async_invoker(principal) if async_invokers[principal]

async_invoker(principal) if {
	parts := split(principal, ".")
	count(parts) == 4
	concat(".", [parts[0], parts[2], parts[3]]) in async_invokers
}

deny contains {"msg": msg, "path": "dead_letter_target_arn"} if {
	some p in input.attributes.permissions
	async_invoker(p.principal)
	input.attributes.dead_letter_target_arn == ""
	input.attributes.on_failure_destination == ""
	msg := sprintf("function %s is invoked asynchronously by %s but has neither a dead-letter queue nor an on-failure destination", [input.attributes.name, p.principal])
}
