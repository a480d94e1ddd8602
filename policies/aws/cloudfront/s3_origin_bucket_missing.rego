# METADATA
# title: "CloudFront S3 origin names a bucket no scanned account owns"
# description: >-
#   An S3 origin (bucket.s3.amazonaws.com, bucket.s3.REGION.amazonaws.com, bucket.s3-REGION.amazonaws.com)
#   whose bucket does not exist makes the distribution answer with errors, and anyone who creates a bucket
#   of that name in their own account serves content under the distribution's domain names. The rule reads
#   every account's buckets in the inventory, so it judges only sources that read whole accounts (a live
#   scan, a snapshot), and only when S3 was read in the distribution's account (its account-level S3
#   setting is present); it gives no verdict for IaC, for a scan without S3, for an origin domain it cannot
#   parse, or for an access point alias. A bucket kept in an account that was not scanned is reported: scan
#   that account too, or suppress the finding with the reason. S3 website endpoints are custom origins and
#   are not judged here (AWS Config and Security Hub CloudFront.12 leave them out as well).
# custom:
#   id: AWS-CF-034
#   severity: high
#   kinds: [aws.cloudfront.distribution]
#   remediation: "Point the origin at an existing bucket you own, or create the bucket named in the origin in your own account (with origin access control and public access blocked) before someone else does; remove origins no longer used."
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-12, https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistS3AndCustomOrigins.html]
#   compliance:
#     aws-fsbp: ["CloudFront.12"]
#     nist-800-53-r5: ["CM-8", "SC-20"]
package vigil.rules.aws.cloudfront.s3_origin_bucket_missing

whole_account := {"live", "snapshot"}

# The bucket of an S3 REST endpoint in virtual-hosted form: global, regional
# (dot or the legacy dash), dual-stack, and the China partition's .cn.
bucket_of(host) := name if {
	m := regex.find_all_string_submatch_n(`^(.+)\.s3(\.dualstack)?(\.[a-z0-9-]+|-[a-z]{2}(-gov)?-[a-z]+-[0-9])?\.amazonaws\.com(\.cn)?$`, lower(host), 1)
	name := m[0][1]
	not endswith(name, "-s3alias")
	not contains(name, ".s3-accesspoint")
}

s3_origins contains o if {
	some o in input.attributes.origins
	o.s3 == true
}

# The S3 service was read in the distribution's account: it fills the
# account's S3 public access block (null when not read).
s3_scanned if {
	some acct in data.inventory.accounts[input.account].kinds["aws.account"]
	acct.attributes.s3_public_access_block != null
}

partition := p if {
	parts := split(input.id, ":")
	count(parts) > 2
	p := parts[1]
	p != ""
} else := "aws"

bucket_owned(name) if data.inventory.kinds["aws.s3.bucket"][concat("", ["arn:", partition, ":s3:::", name])].id

deny contains {"msg": msg, "path": "origins"} if {
	whole_account[input.source]
	s3_scanned
	some o in s3_origins
	name := bucket_of(o.domain_name)
	not bucket_owned(name)
	msg := sprintf("CloudFront distribution %s has S3 origin %s, but no scanned account has a bucket named %s", [object.get(input, "name", input.id), o.domain_name, name])
}

deny contains {"msg": "an IaC configuration declares only some of the buckets that exist", "unknown": true} if {
	not whole_account[input.source]
	count(s3_origins) > 0
}

deny contains {"msg": "the S3 buckets of the distribution's account were not read", "unknown": true} if {
	whole_account[input.source]
	count(s3_origins) > 0
	not s3_scanned
}

deny contains {"msg": sprintf("the bucket of S3 origin %s cannot be told from its domain name", [o.domain_name]), "unknown": true} if {
	whole_account[input.source]
	some o in s3_origins
	not bucket_of(o.domain_name)
}
