# METADATA
# title: No role can manage AWS Support cases
# description: >-
#   No IAM role of the account has the AWS managed AWSSupportAccess policy attached, so during an
#   incident nobody but the root user or an administrator can open and follow AWS Support cases
#   (CIS AWS Foundations 1.17). The rule looks at every role of the account in the inventory, so it
#   judges only sources that read a whole account (a live scan, a snapshot); an IaC configuration
#   declares only some of an account's roles, and gets no verdict. No verdict either when the
#   account's roles could not be listed.
# custom:
#   id: AWS-IAM-023
#   severity: low
#   kinds: [aws.account]
#   remediation: Create a role that your incident responders can assume and attach arn:aws:iam::aws:policy/AWSSupportAccess to it.
#   references: [https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html]
#   compliance:
#     cis-aws-3.0: ["1.17"]
#     cis-aws-5.0: ["1.16"]
#     cis-aws-7.0: ["2.15"]
#     nist-800-53-r5: ["IR-7"]
package vigil.rules.aws.iam.support_role

whole_account := {"live", "snapshot"}

support_access(arn) if regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AWSSupportAccess$`, arn)

support_role_present if {
	some role in data.inventory.accounts[input.account].kinds["aws.iam.role"]
	some arn in role.attributes.attached_policies
	support_access(arn)
}

deny contains {"msg": msg, "path": ""} if {
	whole_account[input.source]
	not support_role_present
	msg := sprintf("no role of account %s has the AWSSupportAccess policy attached", [input.account])
}

deny contains {"msg": "an IaC configuration declares only some of the account's roles", "unknown": true} if {
	not whole_account[input.source]
}
