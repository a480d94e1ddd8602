# METADATA
# title: No delegated administrator for IAM Access Analyzer
# description: >-
#   No member account of the organization is registered as delegated administrator of IAM Access Analyzer
#   (service principal "access-analyzer.amazonaws.com"), so the service is administered for the organization from the
#   management account, or not across the organization at all. CIS AWS Foundations 7.0 asks that
#   security services integrated with Organizations be run from a delegated member account, which
#   service control policies can restrict, rather than from the management account, which they
#   cannot. Live scans of the management account only; no verdict when the delegated
#   administrators could not be listed.
# custom:
#   id: AWS-ORG-006
#   severity: low
#   kinds: [aws.organizations.organization]
#   remediation: >-
#     From the management account, enable trusted access for IAM Access Analyzer and register a security
#     tooling member account as its delegated administrator (aws_organizations_delegated_administrator with service_principal access-analyzer.amazonaws.com).
#   references:
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-settings.html
#     - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_delegated_admin.html
#   compliance:
#     cis-aws-7.0: ["2.1.6"]
#     nist-800-53-r5: ["AC-5", "AC-6"]
package vigil.rules.aws.organizations.delegated_admin_access_analyzer

principals := {"access-analyzer.amazonaws.com"}

delegated if {
	some d in input.attributes.delegated_administrators
	some sp in d.service_principals
	principals[sp]
}

deny contains {"msg": sprintf("organization %s has no delegated administrator for IAM Access Analyzer", [input.name]), "path": "delegated_administrators"} if {
	not delegated
}
