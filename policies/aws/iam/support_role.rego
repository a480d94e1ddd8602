# METADATA
# title: No role can manage AWS Support cases
# description: >-
#   No IAM role has the AWS managed AWSSupportAccess policy attached, so during an incident nobody
#   but the root user or an administrator can open and follow AWS Support cases (CIS AWS Foundations
#   1.17).
# custom:
#   id: AWS-IAM-023
#   severity: low
#   kinds: [aws.account]
#   remediation: Create a role that your incident responders can assume and attach arn:aws:iam::aws:policy/AWSSupportAccess to it.
#   references: [https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html]
#   compliance:
#     cis-aws-3.0: ["1.17"]
#     nist-800-53-r5: ["IR-7"]
package vigil.rules.aws.iam.support_role

deny contains {"msg": msg, "path": "support_role_present"} if {
	input.attributes.support_role_present == false
	msg := sprintf("no role of account %s has the AWSSupportAccess policy attached", [input.account])
}
