# METADATA
# title: "EC2 instance user data holds a secret"
# description: "User data is readable by anyone who may call ec2:DescribeInstanceAttribute and by every process on the instance through the metadata service, and it is kept unencrypted with the instance. Credentials, tokens and private keys in it leak to all of them. Found with gitleaks' rule set; the finding names the kind of secret and its line, never the value."
# custom:
#   id: AWS-SECRET-001
#   severity: high
#   kinds: [aws.ec2.instance]
#   remediation: "Move the secret to Secrets Manager or SSM Parameter Store (SecureString) and have the script fetch it at boot with the instance role; rotate the secret that was exposed, and replace the user data (stop the instance, modify its userData attribute, start it)."
#   references: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html, https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html]
#   compliance:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     pci-dss-4.0: ["8.3.2", "8.6.2"]
package vigil.rules.aws.secrets.instance_user_data

deny contains {"msg": msg, "path": sprintf("secrets_found[%d]", [i])} if {
	some i, f in input.attributes.secrets_found
	msg := sprintf("EC2 instance %s has a secret (%s) in its %s", [object.get(input, "name", input.id), f.kind, f.location])
}
