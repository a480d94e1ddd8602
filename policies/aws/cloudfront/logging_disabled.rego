# METADATA
# title: "CloudFront distribution has standard logging turned off"
# description: "Without access logs there is no record of who requested what from the distribution, so abuse, scraping or data exfiltration through the CDN cannot be investigated."
# custom:
#   id: AWS-CF-020
#   severity: medium
#   kinds: [aws.cloudfront.distribution]
#   remediation: "Turn on standard logging to an S3 bucket (Terraform logging_config; CloudFormation DistributionConfig.Logging.Bucket)."
#   references: [https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html, https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-5]
#   compliance:
#     aws-fsbp: ["CloudFront.5"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.cloudfront.logging_disabled

deny contains {"msg": sprintf("CloudFront distribution %s does not log requests", [object.get(input, "name", input.id)]), "path": "logging_enabled"} if {
	input.attributes.logging_enabled == false
}
