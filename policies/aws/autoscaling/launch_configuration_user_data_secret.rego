# METADATA
# title: "Launch configuration user data holds a secret"
# description: "Every instance launched from the configuration receives its user data, where any process on the instance can read it through the metadata service, and anyone who may call autoscaling:DescribeLaunchConfigurations reads it. Found with gitleaks' rule set; the finding names the kind of secret and its line, never the value."
# custom:
#   id: AWS-ASG-007
#   severity: high
#   kinds: [aws.autoscaling.launch_configuration]
#   remediation: "Fetch the secret at boot from Secrets Manager or SSM Parameter Store (SecureString) with the instance role; create a launch template without it, move the groups onto it, delete the launch configuration, and rotate the secret."
#   references: [https://docs.aws.amazon.com/autoscaling/ec2/userguide/launch-configurations.html, https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html]
#   compliance:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     pci-dss-4.0: ["8.3.2", "8.6.2"]
package vigil.rules.aws.autoscaling.launch_configuration_user_data_secret

deny contains {"msg": sprintf("launch configuration %s has a secret (%s) in its %s", [object.get(input, "name", input.id), f.kind, f.location]), "path": sprintf("secrets_found[%d]", [i])} if {
	some i, f in input.attributes.secrets_found
}
