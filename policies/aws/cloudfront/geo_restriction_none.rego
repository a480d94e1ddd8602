# METADATA
# title: "CloudFront distribution serves every country"
# description: "The distribution has no geo restriction (restriction type none), so its content is served to viewers in every country. Where content is licensed for, or a business serves, only some countries, an allow list (or a block list of sanctioned countries) narrows who can reach the origin through CloudFront. Informational for distributions meant to be global."
# custom:
#   id: AWS-CF-030
#   severity: low
#   kinds: [aws.cloudfront.distribution]
#   remediation: "Set restrictions.geo_restriction (CloudFormation: Restrictions.GeoRestriction) to restriction_type whitelist with the countries served, or blacklist with those that must not be; suppress the finding for distributions meant to be global."
#   references: [https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/georestrictions.html]
#   compliance:
#     nist-800-53-r5: ["AC-3"]
package vigil.rules.aws.cloudfront.geo_restriction_none

deny contains {"msg": sprintf("CloudFront distribution %s has no geo restriction", [object.get(input, "name", input.id)]), "path": "geo_restriction"} if {
	input.attributes.geo_restriction == "none"
}
