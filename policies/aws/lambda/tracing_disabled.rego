# METADATA
# title: Lambda function does not trace requests with X-Ray
# description: >-
#   Without active tracing, a request through the function leaves no trace of the calls it made:
#   an incident responder cannot follow what an abused function touched, and errors in downstream
#   services stay hidden.
# custom:
#   id: AWS-LAMBDA-020
#   severity: low
#   kinds: [aws.lambda.function]
#   remediation: Set the function's tracing mode to Active (tracing_config { mode = "Active" }; TracingConfig.Mode Active) and grant its role the X-Ray write actions.
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html, https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-7]
#   compliance:
#     aws-fsbp: ["Lambda.7"]
#     nist-800-53-r5: ["AU-12", "SI-4"]
package vigil.rules.aws.lambda.tracing_disabled

deny contains {"msg": msg, "path": "tracing_mode"} if {
	input.attributes.tracing_mode != "Active"
	msg := sprintf("function %s does not trace requests with X-Ray (tracing mode %s)", [input.attributes.name, input.attributes.tracing_mode])
}
