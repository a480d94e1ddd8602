# METADATA
# title: "AppSync GraphQL API is authorized by an API key alone"
# description: "An API key identifies no user: anyone holding it (it ships inside the client app) can call every operation the API exposes. With API_KEY as the only authorization mode there is no per-user authorization at all."
# custom:
#   id: AWS-APPSYNC-002
#   severity: medium
#   kinds: [aws.appsync.graphql_api]
#   remediation: "Authorize with Amazon Cognito user pools, OpenID Connect, IAM or a Lambda authorizer (authentication_type; CloudFormation AuthenticationType), keeping an API key, if at all, as an additional mode for the few public fields marked @aws_api_key."
#   references: [https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html, https://docs.aws.amazon.com/securityhub/latest/userguide/appsync-controls.html#appsync-5]
#   compliance:
#     aws-fsbp: ["AppSync.5"]
#     nist-800-53-r5: ["AC-3", "IA-2"]
#     pci-dss-4.0: ["8.2.1"]
package vigil.rules.aws.appsync.api_key_only

deny contains {"msg": sprintf("AppSync API %s is authorized by an API key alone", [object.get(input, "name", input.id)]), "path": "authentication_types"} if {
	count(input.attributes.authentication_types) > 0
	every t in input.attributes.authentication_types {
		t == "API_KEY"
	}
}
