# METADATA
# title: Lambda function has no reserved concurrency
# description: >-
#   Without reserved concurrency a function draws on the account's unreserved pool in its region: a
#   burst of invocations of one function (a flood of requests, a retry loop) throttles every other
#   function of the account, and nothing caps how far the function scales out against what it calls.
# custom:
#   id: AWS-LAMBDA-022
#   severity: low
#   kinds: [aws.lambda.function]
#   remediation: Reserve concurrency for the function (reserved_concurrent_executions; ReservedConcurrentExecutions; aws lambda put-function-concurrency) sized to its expected peak.
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html]
#   compliance:
#     nist-800-53-r5: ["SC-5"]
package vigil.rules.aws.lambda.reserved_concurrency_unset

deny contains {"msg": msg, "path": "reserved_concurrent_executions"} if {
	input.attributes.reserved_concurrent_executions < 0
	msg := sprintf("function %s has no reserved concurrency: it shares the account's unreserved pool", [input.attributes.name])
}
