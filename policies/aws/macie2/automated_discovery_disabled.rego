# METADATA
# title: "Amazon Macie automated sensitive data discovery is not enabled"
# description: "Without automated sensitive data discovery Macie samples no bucket on its own: sensitive data in S3 is found only by classification jobs someone remembered to create."
# custom:
#   id: AWS-MACIE-002
#   severity: high
#   kinds: [aws.macie2.session]
#   remediation: "Turn on automated sensitive data discovery for the account in every region where Macie runs."
#   references: [https://docs.aws.amazon.com/macie/latest/user/discovery-asdd.html]
#   compliance:
#     aws-fsbp: ["Macie.2"]
#     nist-800-53-r5: ["RA-5", "SI-4"]
package vigil.rules.aws.macie2.automated_discovery_disabled

deny contains {"msg": sprintf("Amazon Macie automated sensitive data discovery is not enabled in region %s", [input.region]), "path": "automated_discovery"} if {
	not input.attributes.automated_discovery
}
