# METADATA
# title: "CloudFormation stack parameter holds a secret in clear"
# description: "A parameter without NoEcho is shown in clear to anyone who may call cloudformation:DescribeStacks, in the console and in the stack's events and change sets. A credential, token or private key passed that way leaks to all of them. NoEcho parameters are answered masked and are not judged. Found with gitleaks' rule set; the finding names the parameter and the kind of secret, never the value."
# custom:
#   id: AWS-SECRET-005
#   severity: high
#   kinds: [aws.cloudformation.stack]
#   remediation: "Reference the secret from Secrets Manager or SSM Parameter Store with a dynamic reference ({{resolve:secretsmanager:...}} or {{resolve:ssm-secure:...}}) instead of passing it, or at least declare the parameter NoEcho: true; update the stack and rotate the secret that was exposed."
#   references: [https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds, https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html]
#   compliance:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     pci-dss-4.0: ["8.3.2", "8.6.2"]
package vigil.rules.aws.secrets.stack_parameters

deny contains {"msg": msg, "path": sprintf("secrets_in_parameters[%d]", [i])} if {
	some i, f in input.attributes.secrets_in_parameters
	msg := sprintf("CloudFormation stack %s has a secret (%s) in %s", [object.get(input, "name", input.id), f.kind, f.location])
}
