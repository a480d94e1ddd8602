# METADATA
# title: The bucket receiving CloudTrail logs has no access logging
# description: >-
#   Server access logging on the bucket CloudTrail delivers to records who read or deleted the
#   audit trail itself (CIS AWS Foundations 3.4). The rule follows the trail's logs_to relation
#   to the bucket in the inventory. No verdict when the bucket is not in the scanned inventory
#   (a log archive account that was not scanned, a bucket another configuration manages), or
#   its logging could not be read.
# custom:
#   id: AWS-CT-007
#   severity: low
#   kinds: [aws.cloudtrail.trail]
#   remediation: Enable server access logging on the trail's bucket (aws_s3_bucket_logging), to a separate log bucket.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html]
#   compliance:
#     cis-aws-3.0: ["3.4"]
#     cis-aws-5.0: ["3.4"]
#     cis-aws-7.0: ["4.4"]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
package vigil.rules.aws.cloudtrail.bucket_access_logging

# buckets are the ids of the trail's buckets found in the inventory.
buckets contains rel.target if {
	some rel in input.relations
	rel.type == "logs_to"
	data.inventory.kinds["aws.s3.bucket"][rel.target].id
}

deny contains {"msg": msg, "path": "s3_bucket_name"} if {
	some rel in input.relations
	rel.type == "logs_to"
	b := data.inventory.kinds["aws.s3.bucket"][rel.target]
	not b.attributes.logging.enabled
	msg := sprintf("bucket %s receives the trail's logs but has no server access logging", [b.name])
}

deny contains {"msg": "the trail's bucket is not in the scanned inventory", "unknown": true} if {
	input.attributes.s3_bucket_name != ""
	count(buckets) == 0
}
