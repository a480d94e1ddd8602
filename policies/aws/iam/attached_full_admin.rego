# METADATA
# title: IAM principal has a customer-managed policy attached that grants full administrative privileges
# description: >-
#   A user, group or role has a customer-managed policy attached whose document allows every
#   action ("*" or "*:*") on every resource, so the principal controls the whole account (CIS AWS
#   Foundations 1.16: policies that allow full administrative privileges must not be attached).
#   The rule follows the principal's attached_policy relations to the policies in the inventory;
#   the AWS managed AdministratorAccess policy is AWS-IAM-006, inline policies AWS-IAM-001. No
#   verdict when an attached customer-managed policy is not in the scanned inventory.
# custom:
#   id: AWS-IAM-017
#   severity: high
#   kinds: [aws.iam.user, aws.iam.group, aws.iam.role]
#   remediation: Detach the policy from the principal and grant the actions and resources it needs; keep full administrative access to a few break-glass roles with MFA.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege]
#   compliance:
#     cis-aws-3.0: ["1.16"]
#     cis-aws-5.0: ["1.15"]
#     cis-aws-7.0: ["2.14"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.aws.iam.attached_full_admin

import data.vigil.lib.iam

# AWS managed policies (arn:<partition>:iam::aws:policy/...) are not
# collected as aws.iam.policy resources; AWS-IAM-006 judges the one that
# grants everything.
aws_managed(arn) if regex.match(`^arn:aws[a-z-]*:iam::aws:policy/`, arn)

attached contains rel.target if {
	some rel in input.relations
	rel.type == "attached_policy"
}

deny contains {"msg": msg, "path": "attached_policies"} if {
	some target in attached
	pol := data.inventory.kinds["aws.iam.policy"][target]
	doc := pol.attributes.document
	doc != null
	some i in iam.full_admin_statements(doc)
	msg := sprintf("%s has policy %s attached, which allows every action on every resource (statement %d)", [iam.label(input), pol.name, i])
}

deny contains {"msg": sprintf("attached policy %s is not in the scanned inventory", [target]), "unknown": true} if {
	some target in attached
	not aws_managed(target)
	not data.inventory.kinds["aws.iam.policy"][target].id
}
