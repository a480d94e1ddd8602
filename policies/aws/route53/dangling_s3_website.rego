# METADATA
# title: "Route 53 record points at the S3 website endpoint of a bucket no scanned account owns"
# description: >-
#   A CNAME or alias record to an S3 website endpoint (BUCKET.s3-website-REGION.amazonaws.com,
#   or the alias target s3-website-REGION.amazonaws.com) is served by the bucket named exactly
#   as the record, whatever the CNAME's own bucket prefix says: S3 picks the bucket from the
#   Host header. When no bucket of that name exists in the scanned inventory, the bucket was
#   most likely deleted and anyone can create it in their own account and serve content under
#   the domain (subdomain takeover). The rule reads every account's buckets in the inventory, so
#   it judges only sources that read whole accounts (a live scan, a snapshot), and only when the
#   S3 service was read in the record's account (its account-level S3 setting is present); it
#   gives no verdict for IaC, for a scan without S3, or when the buckets could not be listed. A
#   bucket kept in another account that was not scanned is reported: scan that account too, or
#   suppress the finding with the reason. Records in private zones are not judged.
# custom:
#   id: AWS-R53-003
#   severity: high
#   kinds: [aws.route53.record_set]
#   remediation: "Delete the record, or create the bucket named as the record in your own account (in the endpoint's region) before someone else does."
#   references:
#     - https://docs.aws.amazon.com/AmazonS3/latest/userguide/website-hosting-custom-domain-walkthrough.html
#     - https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/RoutingToS3Bucket.html
#   compliance:
#     nist-800-53-r5: ["CM-8", "SC-20"]
package vigil.rules.aws.route53.dangling_s3_website

whole_account := {"live", "snapshot"}

# An S3 website endpoint: bucket.s3-website-us-east-1.amazonaws.com (older
# regions), bucket.s3-website.eu-central-1.amazonaws.com (newer ones), the
# alias target without the bucket label, and the China partition's .cn.
s3_website(host) if regex.match(`^([^.]+\.)*s3-website[.-][a-z0-9-]+\.amazonaws\.com(\.cn)?$`, host)

points_at_s3_website if {
	input.attributes.type == "CNAME"
	some v in input.attributes.values
	s3_website(v)
}

points_at_s3_website if s3_website(input.attributes.alias_target)

# The S3 service was read in the record's account: it fills the account's
# S3 public access block (null when not read).
s3_scanned if {
	some acct in data.inventory.accounts[input.account].kinds["aws.account"]
	acct.attributes.s3_public_access_block != null
}

bucket_owned if data.inventory.kinds["aws.s3.bucket"][concat("", ["arn:aws:s3:::", input.attributes.name])].id

deny contains {"msg": msg, "path": "name"} if {
	whole_account[input.source]
	not input.attributes.private_zone
	points_at_s3_website
	s3_scanned
	not bucket_owned
	msg := sprintf("record %s points at an S3 website endpoint, but no scanned account has a bucket named %s", [input.attributes.name, input.attributes.name])
}

deny contains {"msg": "an IaC configuration declares only some of the buckets that exist", "unknown": true} if {
	not whole_account[input.source]
	points_at_s3_website
}

deny contains {"msg": "the S3 buckets of the record's account were not read", "unknown": true} if {
	whole_account[input.source]
	not input.attributes.private_zone
	points_at_s3_website
	not s3_scanned
}
