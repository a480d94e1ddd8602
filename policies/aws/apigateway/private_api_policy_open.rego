# METADATA
# title: "Private REST API resource policy allows any VPC endpoint"
# description: "A private API is reached only through interface VPC endpoints, and its resource policy decides which: a statement that allows \"*\" to invoke it without a condition on the source VPC endpoint or VPC (or on the caller's account or organization), and no Deny of other endpoints, lets anyone with a VPC endpoint for execute-api, in any AWS account, call the API."
# custom:
#   id: AWS-APIGW-032
#   severity: medium
#   kinds: [aws.apigateway.rest_api]
#   remediation: "Restrict the private API's resource policy to your VPC endpoints: add a Deny of execute-api:Invoke for \"*\" with StringNotEquals aws:SourceVpce (or aws:SourceVpc), or a condition on aws:SourceVpce, aws:PrincipalOrgID or aws:PrincipalAccount to the Allow (Terraform policy / aws_api_gateway_rest_api_policy; CloudFormation Policy), and deploy the API again."
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "AC-4", "SC-7"]
package vigil.rules.aws.apigateway.private_api_policy_open

import data.vigil.lib.iam

# Public APIs are AWS-APIGW-031's: their reach is the internet whatever
# the policy. A private API without a policy cannot be invoked at all.
deny contains {"msg": sprintf("private REST API %s: resource policy statement %d allows %v to any principal through any VPC endpoint", [object.get(input, "name", input.id), i, stmt.actions]), "path": sprintf("policy.statements[%d]", [i])} if {
	"PRIVATE" in input.attributes.endpoint_types
	some i in iam.public_statements(input.attributes.policy)
	stmt := input.attributes.policy.statements[i]
	not endpoint_deny
}

# endpoint_deny holds for the documented pattern: Deny "*" unless the
# request comes through given VPC endpoints or VPCs.
endpoint_deny if {
	some stmt in input.attributes.policy.statements
	iam.is_deny(stmt)
	some _, ids in stmt.principals
	"*" in ids
	some c in stmt.conditions
	c.key in {"aws:sourcevpce", "aws:sourcevpc"}
}
