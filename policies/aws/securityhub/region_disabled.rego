# METADATA
# title: "Security Hub is not enabled in the region"
# description: "Security Hub aggregates findings from AWS services and partner tools; without it in a region, those findings are not collected or correlated there."
# custom:
#   id: AWS-SH-001
#   severity: low
#   kinds: [aws.region]
#   reads: [security_hub_enabled]
#   remediation: "Enable Security Hub in every region (through the organization's delegated administrator where possible)."
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html]
#   compliance:
#     cis-aws-3.0: ["4.16"]
#     cis-aws-5.0: ["4.16"]
#     cis-aws-7.0: ["5.16"]
#     nist-800-53-r5: ["SI-4", "CA-7"]
package vigil.rules.aws.securityhub.region_disabled

# A region-wide fact that could not be read is null and decides nothing.
deny contains {"msg": sprintf("Security Hub is not enabled in region %s", [input.name]), "path": "security_hub_enabled"} if {
	input.attributes.security_hub_enabled == false
}
