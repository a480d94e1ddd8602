# METADATA
# title: "Lambda permission allows any principal without a source restriction"
# description: "A resource-policy statement granting \"*\" without a source ARN, source account or organization condition lets any AWS account invoke the function."
# custom:
#   id: AWS-LAMBDA-001
#   severity: high
#   kinds: [aws.lambda.function]
#   remediation: "Name a specific principal in aws_lambda_permission, or set source_arn, source_account or principal_org_id."
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html]
#   compliance:
#     cis-aws-7.0: ["2.21"]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: ["AC-3", "AC-6"]
package vigil.rules.aws.lambda.permission_public

# The path is the whole permission, so an unknown source_arn or account
# suppresses the finding. Public function URLs (function_url_auth_type
# NONE) are judged by AWS-LAMBDA-002.
deny contains {"msg": sprintf("Lambda function %s permission %q grants %s to any principal", [object.get(input, "name", input.id), p.statement_id, p.action]), "path": sprintf("permissions[%d]", [i])} if {
	some i, p in input.attributes.permissions
	p.principal == "*"
	p.source_arn == ""
	p.source_account == ""
	p.principal_org_id == ""
	p.function_url_auth_type != "NONE"
}
