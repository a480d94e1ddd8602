# METADATA
# title: "IAM Access Analyzer is not enabled in the region"
# description: "IAM Access Analyzer finds resources shared outside the account or organization; without an active analyzer in a region, such exposure there goes unnoticed."
# custom:
#   id: AWS-IAM-011
#   severity: low
#   kinds: [aws.region]
#   reads: [access_analyzer_enabled]
#   remediation: "Create an account or organization analyzer in every region."
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html]
#   compliance:
#     cis-aws-3.0: ["1.20"]
#     cis-aws-5.0: ["1.19"]
#     cis-aws-7.0: ["2.18"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.aws.iam.access_analyzer_disabled

# A region-wide fact that could not be read is null and decides nothing.
deny contains {"msg": sprintf("IAM Access Analyzer is not enabled in region %s", [input.name]), "path": "access_analyzer_enabled"} if {
	input.attributes.access_analyzer_enabled == false
}
