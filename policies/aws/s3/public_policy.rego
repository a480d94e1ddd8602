# METADATA
# title: S3 bucket policy allows any principal
# description: A bucket policy statement allows the wildcard principal "*" without a condition that pins callers (source account, VPC, organization ...), so anyone on the internet can perform its actions.
# custom:
#   id: AWS-S3-002
#   severity: critical
#   kinds: [aws.s3.bucket]
#   remediation: Replace Principal "*" with the accounts or roles that need access, or add a restricting condition such as aws:SourceVpce or aws:PrincipalOrgID; enable the bucket public access block.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html]
#   compliance:
#     cis-aws-3.0: ["2.1.4"]
#     cis-aws-5.0: ["2.1.4"]
#     cis-aws-7.0: ["3.1.4", "2.21"]
#     pci-dss-4.0: ["1.4.1", "7.2.1"]
#     nist-800-53-r5: ["AC-3", "AC-6", "AC-21"]
package vigil.rules.aws.s3.public_policy

import data.vigil.lib.iam

deny contains {"msg": msg, "path": sprintf("policy.statements[%d]", [i])} if {
	doc := input.attributes.policy
	doc != null
	not input.attributes.public_access_block.restrict_public_buckets
	some i in iam.public_statements(doc)
	msg := sprintf("bucket %s policy statement %d allows any principal to %v", [input.name, i, object.get(doc.statements[i], "actions", [])])
}
