# METADATA
# title: "AppSync GraphQL API has no AWS WAF web ACL"
# description: "Without a web ACL, nothing rate-limits or filters requests before they reach the resolvers: deep or batched queries, introspection sweeps and floods from one address all reach the data sources."
# custom:
#   id: AWS-APPSYNC-003
#   severity: low
#   kinds: [aws.appsync.graphql_api]
#   remediation: "Associate a regional AWS WAF web ACL with the API (aws_wafv2_web_acl_association; CloudFormation AWS::WAFv2::WebACLAssociation) with at least a rate-based rule and the AWS managed rule groups."
#   references: [https://docs.aws.amazon.com/appsync/latest/devguide/WAF-Integration.html]
#   compliance:
#     nist-800-53-r5: ["SC-5", "SC-7"]
#     pci-dss-4.0: ["6.4.2"]
package vigil.rules.aws.appsync.no_waf

deny contains {"msg": sprintf("AppSync API %s has no AWS WAF web ACL", [object.get(input, "name", input.id)]), "path": "waf_web_acl"} if {
	input.attributes.waf_web_acl == ""
}
