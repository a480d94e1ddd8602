# METADATA
# title: "CloudFront distribution has no default root object"
# description: "Without a default root object, a request for the distribution's root URL is passed to the origin as is; an S3 origin that allows listing then returns the list of its objects."
# custom:
#   id: AWS-CF-021
#   severity: medium
#   kinds: [aws.cloudfront.distribution]
#   remediation: "Set default_root_object (CloudFormation: DefaultRootObject), e.g. index.html."
#   references: [https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html, https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-1]
#   compliance:
#     aws-fsbp: ["CloudFront.1"]
#     nist-800-53-r5: ["AC-3", "SC-7"]
package vigil.rules.aws.cloudfront.no_default_root_object

deny contains {"msg": sprintf("CloudFront distribution %s has no default root object", [object.get(input, "name", input.id)]), "path": "default_root_object"} if {
	input.attributes.default_root_object == ""
}
