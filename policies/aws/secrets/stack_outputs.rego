# METADATA
# title: "CloudFormation stack output holds a secret"
# description: "Stack outputs are shown in clear to anyone who may call cloudformation:DescribeStacks, and an exported output to every stack in the account and region that imports it. Outputs have no NoEcho. A credential, token or private key in one leaks to all of them. Found with gitleaks' rule set; the finding names the output and the kind of secret, never the value."
# custom:
#   id: AWS-SECRET-006
#   severity: high
#   kinds: [aws.cloudformation.stack]
#   remediation: "Output the ARN or name of a Secrets Manager secret or SecureString parameter instead of the secret, update the stack, and rotate the secret that was exposed."
#   references: [https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html, https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds]
#   compliance:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     pci-dss-4.0: ["8.3.2", "8.6.2"]
package vigil.rules.aws.secrets.stack_outputs

deny contains {"msg": msg, "path": sprintf("secrets_in_outputs[%d]", [i])} if {
	some i, f in input.attributes.secrets_in_outputs
	msg := sprintf("CloudFormation stack %s has a secret (%s) in %s", [object.get(input, "name", input.id), f.kind, f.location])
}
