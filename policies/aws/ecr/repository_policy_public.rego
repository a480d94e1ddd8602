# METADATA
# title: "ECR repository policy allows any principal"
# description: "A repository policy open to everyone lets any AWS account pull (or push) images, exposing code and embedded secrets."
# custom:
#   id: AWS-ECR-003
#   severity: high
#   kinds: [aws.ecr.repository]
#   remediation: "Restrict the repository policy's Principal to specific accounts, or add an aws:PrincipalOrgID condition."
#   references: [https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html]
#   compliance:
#     cis-aws-7.0: ["2.21"]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: ["AC-3", "AC-6"]
package vigil.rules.aws.ecr.repository_policy_public

import data.vigil.lib.iam

deny contains {"msg": sprintf("ECR repository %s policy statement %d allows %v to any principal", [object.get(input, "name", input.id), i, stmt.actions]), "path": sprintf("policy.statements[%d]", [i])} if {
	some i in iam.public_statements(input.attributes.policy)
	stmt := input.attributes.policy.statements[i]
}
