# METADATA
# title: AWSCloudShellFullAccess managed policy is attached
# description: >-
#   The AWS managed AWSCloudShellFullAccess policy lets the principal open CloudShell sessions and
#   move files in and out of them (file upload and download), a path to copy data out of the
#   account that bypasses network controls (CIS AWS Foundations 1.22).
# custom:
#   id: AWS-IAM-020
#   severity: medium
#   kinds: [aws.iam.user, aws.iam.group, aws.iam.role]
#   remediation: Detach AWSCloudShellFullAccess and grant a policy that allows only the CloudShell actions needed, denying cloudshell:GetFileUploadUrls and cloudshell:GetFileDownloadUrls.
#   references: [https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html]
#   compliance:
#     cis-aws-3.0: ["1.22"]
#     cis-aws-5.0: ["1.21"]
#     cis-aws-7.0: ["2.20"]
#     nist-800-53-r5: ["AC-6", "AC-4"]
package vigil.rules.aws.iam.cloudshell_full_access

import data.vigil.lib.iam

deny contains {"msg": msg, "path": sprintf("attached_policies[%d]", [i])} if {
	some i, arn in input.attributes.attached_policies
	regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AWSCloudShellFullAccess$`, arn)
	msg := sprintf("%s has the AWSCloudShellFullAccess managed policy attached", [iam.label(input)])
}
