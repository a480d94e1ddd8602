# METADATA
# title: "CloudFront S3 origin is read without origin access control"
# description: "An S3 origin reached with neither origin access control nor an origin access identity is read anonymously, so the bucket must be public and viewers can bypass CloudFront (its WAF, geo restriction, signed URLs and logs) by reading the bucket directly."
# custom:
#   id: AWS-CF-022
#   severity: high
#   kinds: [aws.cloudfront.distribution]
#   remediation: "Create an origin access control (signing behavior always, SigV4), set origin_access_control_id on the origin (CloudFormation: OriginAccessControlId), allow the distribution in the bucket policy with an aws:SourceArn condition, then block public access on the bucket. Migrate legacy origin access identities to origin access control."
#   references: [https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html, https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-13]
#   compliance:
#     aws-fsbp: ["CloudFront.13"]
#     nist-800-53-r5: ["AC-3", "AC-6"]
package vigil.rules.aws.cloudfront.s3_origin_without_access_control

deny contains {"msg": sprintf("CloudFront distribution %s reads S3 origin %s without origin access control or identity", [object.get(input, "name", input.id), o.domain_name]), "path": sprintf("origins[%d]", [i])} if {
	some i, o in input.attributes.origins
	o.s3 == true
	o.origin_access_control_id == ""
	o.origin_access_identity == ""
}
