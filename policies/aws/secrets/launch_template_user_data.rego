# METADATA
# title: "EC2 launch template user data holds a secret"
# description: "Every instance launched from the template receives its user data, where any process on the instance can read it through the metadata service, and anyone who may call ec2:DescribeLaunchTemplateVersions reads it from the template. Live, the default and the latest version are both checked. Found with gitleaks' rule set; the finding names the kind of secret and its line, never the value."
# custom:
#   id: AWS-SECRET-002
#   severity: high
#   kinds: [aws.ec2.launch_template]
#   remediation: "Fetch the secret at boot from Secrets Manager or SSM Parameter Store (SecureString) with the instance role; create a template version without it, make it the default, delete the versions that carry it, and rotate the secret."
#   references: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-launch-templates.html, https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html]
#   compliance:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     pci-dss-4.0: ["8.3.2", "8.6.2"]
package vigil.rules.aws.secrets.launch_template_user_data

deny contains {"msg": msg, "path": sprintf("secrets_found[%d]", [i])} if {
	some i, f in input.attributes.secrets_found
	msg := sprintf("launch template %s has a secret (%s) in its %s", [object.get(input, "name", input.id), f.kind, f.location])
}
