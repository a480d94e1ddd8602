# METADATA
# title: "Step Functions state machine does not trace with X-Ray"
# description: "Without X-Ray tracing, the calls a workflow makes to other services cannot be followed end to end, which hides where an execution failed or was abused."
# custom:
#   id: AWS-SFN-002
#   severity: low
#   kinds: [aws.sfn.state_machine]
#   remediation: "Enable tracing: tracing_configuration { enabled = true } in Terraform, TracingConfiguration.Enabled in CloudFormation."
#   references: [https://docs.aws.amazon.com/step-functions/latest/dg/concepts-xray-tracing.html]
#   compliance:
#     nist-800-53-r5: ["AU-12", "SI-4"]
package vigil.rules.aws.sfn.tracing_disabled

deny contains {"msg": sprintf("Step Functions state machine %s does not trace with X-Ray", [object.get(input, "name", input.id)]), "path": "tracing_enabled"} if {
	not input.attributes.tracing_enabled
}
