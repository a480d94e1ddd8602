# METADATA
# title: S3 bucket declares a public ACL that only assumed defaults block
# description: The Terraform or CloudFormation source gives the bucket a public canned ACL (public-read, public-read-write, authenticated-read) or grants to AllUsers/AuthenticatedUsers, and declares nothing that stops it. What stops it today is a protection the source leaves to AWS (ACLs disabled, Block Public Access on new buckets); an account-level public access block may stop it too, but the declared intent is a public bucket, and it becomes one as soon as those defaults are turned off.
# custom:
#   id: AWS-S3-110
#   severity: high
#   kinds: [aws.s3.bucket]
#   remediation: Remove the public ACL (acl = "private", no AllUsers/AuthenticatedUsers grants; AccessControl Private in CloudFormation); if the bucket must stay private, declare its aws_s3_bucket_public_access_block (PublicAccessBlockConfiguration) and BucketOwnerEnforced ownership so the intent is explicit.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html, https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html]
#   compliance:
#     cis-aws-3.0: ["2.1.4"]
#     pci-dss-4.0: ["1.4.1"]
#     nist-800-53-r5: ["AC-3", "AC-21"]
package vigil.rules.aws.s3.declared_public_acl

public_canned := {"public-read", "public-read-write", "authenticated-read"}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

assumed := {s | some s in object.get(input.attributes, "assumed_defaults", [])}

# What makes ACLs void: disabled by ownership, or ignored by the block.
voided_by_ownership if input.attributes.object_ownership == "BucketOwnerEnforced"

voided_by_block if input.attributes.public_access_block.ignore_public_acls == true

# A declared protection is the author's own: no intent finding then.
declared_stop if {
	voided_by_ownership
	not "object_ownership" in assumed
}

declared_stop if {
	voided_by_block
	not "public_access_block" in assumed
}

# Only an assumed default stops the ACL (a live bucket assumes nothing, so
# AWS-S3-001 alone judges it).
assumed_stop if {
	voided_by_ownership
	"object_ownership" in assumed
}

assumed_stop if {
	voided_by_block
	"public_access_block" in assumed
}

hidden if {
	assumed_stop
	not declared_stop
}

caveat := "public unless a public access block on the account or the bucket stops it (the source declares none; AWS blocks public ACLs on new buckets by default)" if {
	"public_access_block" in assumed
} else := "public once ACLs are enabled: only the BucketOwnerEnforced ownership AWS gives new buckets disables them, and the source does not declare it"

deny contains {"msg": msg, "path": "canned_acl"} if {
	hidden
	input.attributes.canned_acl in public_canned
	msg := sprintf("bucket %s declares the canned ACL %q: %s", [input.name, input.attributes.canned_acl, caveat])
}

deny contains {"msg": msg, "path": sprintf("grants[%d]", [i])} if {
	hidden
	some i, g in input.attributes.grants
	g.grantee_uri in public_groups
	msg := sprintf("bucket %s declares a grant of %s to %s: %s", [input.name, g.permission, g.grantee_uri, caveat])
}
