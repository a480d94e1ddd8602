# METADATA
# title: S3 bucket declares a policy open to any principal that only an assumed default blocks
# description: The Terraform or CloudFormation source gives the bucket a policy statement that allows Principal "*" (or {"AWS":"*"}) without a condition that pins callers, and declares no public access block. What stops it today is the Block Public Access AWS turns on for new buckets, or an account-level block; the declared intent is a public bucket, and it becomes one as soon as those blocks are turned off.
# custom:
#   id: AWS-S3-111
#   severity: high
#   kinds: [aws.s3.bucket]
#   remediation: Replace Principal "*" with the accounts or roles that need access, or add a restricting condition such as aws:SourceVpce or aws:PrincipalOrgID; declare the bucket's public access block so the intent is explicit.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html, https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-policy-language-overview.html]
#   compliance:
#     cis-aws-3.0: ["2.1.4"]
#     pci-dss-4.0: ["1.4.1", "7.2.1"]
#     nist-800-53-r5: ["AC-3", "AC-6", "AC-21"]
package vigil.rules.aws.s3.declared_public_policy

import data.vigil.lib.iam

# Only the assumed default block stops the policy (a live bucket assumes
# nothing, so AWS-S3-002 alone judges it).
hidden if {
	"public_access_block" in object.get(input.attributes, "assumed_defaults", [])
	input.attributes.public_access_block.restrict_public_buckets == true
}

deny contains {"msg": msg, "path": sprintf("policy.statements[%d]", [i])} if {
	hidden
	doc := input.attributes.policy
	doc != null
	some i in iam.public_statements(doc)
	msg := sprintf("bucket %s declares policy statement %d allowing any principal to %v: public unless a public access block on the account or the bucket stops it (the source declares none; AWS blocks public policies on new buckets by default)", [input.name, i, object.get(doc.statements[i], "actions", [])])
}
