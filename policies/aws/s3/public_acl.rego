# METADATA
# title: S3 bucket ACL grants public access
# description: The bucket ACL grants access to everyone (AllUsers) or to any AWS account holder (AuthenticatedUsers), so its objects can be listed or read from the internet.
# custom:
#   id: AWS-S3-001
#   severity: high
#   kinds: [aws.s3.bucket]
#   remediation: Set the ACL to private (aws_s3_bucket_acl acl = "private"), remove grants to the AllUsers/AuthenticatedUsers groups, and prefer object_ownership = BucketOwnerEnforced to disable ACLs.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html]
#   compliance:
#     cis-aws-3.0: ["2.1.4"]
#     cis-aws-5.0: ["2.1.4"]
#     cis-aws-7.0: ["3.1.4"]
#     pci-dss-4.0: ["1.4.1"]
#     nist-800-53-r5: ["AC-3", "AC-21"]
package vigil.rules.aws.s3.public_acl

public_canned := {"public-read", "public-read-write", "authenticated-read"}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

# ACLs have no effect when they are disabled or ignored.
acls_effective if {
	input.attributes.object_ownership != "BucketOwnerEnforced"
	not input.attributes.public_access_block.ignore_public_acls
}

deny contains {"msg": msg, "path": "canned_acl"} if {
	acls_effective
	input.attributes.canned_acl in public_canned
	msg := sprintf("bucket %s has the public canned ACL %q", [input.name, input.attributes.canned_acl])
}

deny contains {"msg": msg, "path": sprintf("grants[%d]", [i])} if {
	acls_effective
	some i, g in input.attributes.grants
	g.grantee_uri in public_groups
	msg := sprintf("bucket %s grants %s to %s", [input.name, g.permission, g.grantee_uri])
}
