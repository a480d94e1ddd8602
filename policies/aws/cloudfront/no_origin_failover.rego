# METADATA
# title: "CloudFront distribution has no origin failover"
# description: "No origin group with two or more origins is configured, so when the only origin is unavailable or answers with server errors CloudFront cannot fail over to a secondary origin."
# custom:
#   id: AWS-CF-031
#   severity: low
#   kinds: [aws.cloudfront.distribution]
#   remediation: "Add a second origin and an origin group (origin_group in Terraform, OriginGroups in CloudFormation) with the primary and the secondary origin as members and failover status codes, and point the cache behaviors at the group."
#   references: [https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html, https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-4]
#   compliance:
#     aws-fsbp: ["CloudFront.4"]
#     nist-800-53-r5: ["CP-10", "SC-36"]
package vigil.rules.aws.cloudfront.no_origin_failover

deny contains {"msg": sprintf("CloudFront distribution %s has no origin group with two or more origins", [object.get(input, "name", input.id)]), "path": "origin_groups"} if {
	every g in input.attributes.origin_groups {
		count(g.members) < 2
	}
}
