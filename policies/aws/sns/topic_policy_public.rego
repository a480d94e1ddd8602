# METADATA
# title: "SNS topic policy allows any principal"
# description: "A topic policy that allows everyone lets anyone publish to or subscribe to the topic, leaking messages or injecting forged ones."
# custom:
#   id: AWS-SNS-002
#   severity: high
#   kinds: [aws.sns.topic]
#   remediation: "Restrict the topic policy's Principal to specific accounts or services, or add a condition such as aws:SourceAccount, aws:SourceArn or aws:PrincipalOrgID."
#   references: [https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html]
#   compliance:
#     cis-aws-7.0: ["2.21"]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: ["AC-3", "AC-6"]
package vigil.rules.aws.sns.topic_policy_public

import data.vigil.lib.iam

deny contains {"msg": sprintf("SNS topic %s policy statement %d allows %v to any principal", [object.get(input, "name", input.id), i, stmt.actions]), "path": sprintf("policy.statements[%d]", [i])} if {
	some i in iam.public_statements(input.attributes.policy)
	stmt := input.attributes.policy.statements[i]
}
