# METADATA
# title: IAM user has policies attached directly
# description: Permissions given to users one by one drift apart and are hard to review and revoke; granting them through groups keeps access consistent.
# custom:
#   id: AWS-IAM-007
#   severity: low
#   kinds: [aws.iam.user]
#   remediation: Move the user's inline and attached policies to a group and add the user to it.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html]
#   compliance:
#     cis-aws-3.0: ["1.15"]
#     cis-aws-5.0: ["1.14"]
#     cis-aws-7.0: ["2.13"]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: ["AC-2", "AC-6"]
package vigil.rules.aws.iam.user_direct_policies

deny contains {"msg": msg, "path": sprintf("inline_policies[%d]", [i])} if {
	some i, p in input.attributes.inline_policies
	msg := sprintf("user %s has inline policy %q", [input.name, p.name])
}

deny contains {"msg": msg, "path": sprintf("attached_policies[%d]", [i])} if {
	some i, arn in input.attributes.attached_policies
	msg := sprintf("user %s has managed policy %s attached directly", [input.name, arn])
}
