# METADATA
# title: "Lambda function URL has no authentication"
# description: "A function URL with authorization type NONE can be invoked by anyone on the internet who learns the URL."
# custom:
#   id: AWS-LAMBDA-002
#   severity: high
#   kinds: [aws.lambda.function]
#   remediation: "Set authorization_type = \"AWS_IAM\" on the aws_lambda_function_url, or authenticate inside the function and document the exception."
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "IA-2"]
package vigil.rules.aws.lambda.function_url_unauthenticated

deny contains {"msg": sprintf("Lambda function %s has a function URL with authorization type NONE", [object.get(input, "name", input.id)]), "path": "url_auth_type"} if {
	input.attributes.url_auth_type == "NONE"
}
