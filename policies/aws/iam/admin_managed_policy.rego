# METADATA
# title: AdministratorAccess managed policy is attached
# description: The AWS managed AdministratorAccess policy grants every action on every resource to the principal.
# custom:
#   id: AWS-IAM-006
#   severity: high
#   kinds: [aws.iam.role, aws.iam.user, aws.iam.group]
#   remediation: Attach job-specific policies instead; keep AdministratorAccess to a few federated break-glass roles with MFA.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html]
#   compliance:
#     cis-aws-3.0: ["1.16"]
#     cis-aws-5.0: ["1.15"]
#     cis-aws-7.0: ["2.14"]
#     pci-dss-4.0: ["7.2.2"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.aws.iam.admin_managed_policy

deny contains {"msg": msg, "path": sprintf("attached_policies[%d]", [i])} if {
	some i, arn in input.attributes.attached_policies
	regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$`, arn)
	msg := sprintf("%s %s has the AdministratorAccess managed policy attached", [split(input.kind, ".")[2], input.name])
}
