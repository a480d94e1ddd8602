# METADATA
# title: "EFS file system policy allows any principal"
# description: >-
#   A file system policy statement that allows "*" without a condition restricting the caller (source account, organization, VPC ...) lets IAM principals of any AWS account mount, write or act as root on the file system from wherever they reach a mount target. AccessedViaMountTarget only says the client came through a mount target, not whose it is.
# custom:
#   id: AWS-EFS-021
#   severity: high
#   kinds: [aws.efs.file_system]
#   remediation: >-
#     Name the accounts or roles that need the file system in its policy (aws_efs_file_system_policy; FileSystemPolicy), or restrict the statement with aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceVpc.
#   references: [https://docs.aws.amazon.com/efs/latest/ug/access-control-block-public-access.html, https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "AC-6", "AC-21"]
package vigil.rules.aws.efs.policy_public

import data.vigil.lib.iam

deny contains {"msg": msg, "path": sprintf("policy.statements[%d]", [i])} if {
	some i in iam.public_statements(input.attributes.policy)
	stmt := input.attributes.policy.statements[i]
	msg := sprintf("EFS file system %s policy statement %d allows %v to any principal", [object.get(input, "name", input.id), i, stmt.actions])
}
