# METADATA
# title: "SQS queue policy allows any principal"
# description: "A queue policy that allows everyone lets anyone read, delete or inject messages."
# custom:
#   id: AWS-SQS-002
#   severity: high
#   kinds: [aws.sqs.queue]
#   remediation: "Restrict the queue policy's Principal to specific accounts or services, or add a condition such as aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID."
#   references: [https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html]
#   compliance:
#     cis-aws-7.0: ["2.21"]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: ["AC-3", "AC-6"]
package vigil.rules.aws.sqs.queue_policy_public

import data.vigil.lib.iam

deny contains {"msg": sprintf("SQS queue %s policy statement %d allows %v to any principal", [object.get(input, "name", input.id), i, stmt.actions]), "path": sprintf("policy.statements[%d]", [i])} if {
	some i in iam.public_statements(input.attributes.policy)
	stmt := input.attributes.policy.statements[i]
}
