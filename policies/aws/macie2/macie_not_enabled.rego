# METADATA
# title: "Amazon Macie is not enabled in the region"
# description: "Without Macie (off, or paused) nothing in the region inventories the S3 buckets for public access and missing encryption, or finds the personal and secret data they hold."
# custom:
#   id: AWS-MACIE-001
#   severity: medium
#   kinds: [aws.macie2.session]
#   remediation: "Enable Macie in every region (aws_macie2_account status = \"ENABLED\"), ideally for the whole organization through its delegated administrator."
#   references: [https://docs.aws.amazon.com/macie/latest/user/getting-started.html]
#   compliance:
#     aws-fsbp: ["Macie.1"]
#     nist-800-53-r5: ["RA-5", "SI-4"]
package vigil.rules.aws.macie2.macie_not_enabled

deny contains {"msg": sprintf("Amazon Macie is not enabled in region %s", [input.region]), "path": "enabled"} if {
	not input.attributes.enabled
}
