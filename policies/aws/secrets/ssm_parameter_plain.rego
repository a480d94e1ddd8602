# METADATA
# title: "SSM String parameter holds a secret"
# description: "A String or StringList parameter is stored unencrypted and returned in clear text to anyone who may call ssm:GetParameter(s) or ssm:GetParametersByPath on it, with no KMS key policy to limit who decrypts it. A credential, token or private key belongs in a SecureString parameter or in Secrets Manager. Found with gitleaks' rule set in the value; the finding names the kind of secret, never the value. SecureString values are not read."
# custom:
#   id: AWS-SECRET-004
#   severity: high
#   kinds: [aws.ssm.parameter]
#   remediation: "Recreate the parameter as a SecureString (type = \"SecureString\", with a customer managed key where access must be limited) or move the secret to Secrets Manager, then rotate the secret that was exposed."
#   references: [https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html, https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-policies.html]
#   compliance:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     pci-dss-4.0: ["8.3.2", "3.5.1"]
package vigil.rules.aws.secrets.ssm_parameter_plain

deny contains {"msg": msg, "path": sprintf("secrets_found[%d]", [i])} if {
	some i, f in input.attributes.secrets_found
	msg := sprintf("SSM parameter %s of type %s has a secret (%s) in its %s", [object.get(input.attributes, "name", input.id), object.get(input.attributes, "type", "String"), f.kind, f.location])
}
