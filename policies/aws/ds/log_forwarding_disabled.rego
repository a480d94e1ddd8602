# METADATA
# title: "Managed Microsoft AD directory does not forward its security logs"
# description: "Without log forwarding, the domain controllers' security event logs (sign-ins, lockouts, group and policy changes) stay on the controllers AWS manages, out of reach of your monitoring and retention. Log forwarding exists for AWS Managed Microsoft AD only; other directory types are not judged."
# custom:
#   id: AWS-DS-001
#   severity: medium
#   kinds: [aws.ds.directory]
#   remediation: "Create a log subscription to a CloudWatch Logs log group (aws_directory_service_log_subscription) whose resource policy lets ds.amazonaws.com write."
#   references: [https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_enable_log_forwarding.html]
#   compliance:
#     nist-800-53-r5: ["AU-2", "AU-6", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.ds.log_forwarding_disabled

deny contains {"msg": sprintf("directory %s does not forward its security logs to CloudWatch Logs", [object.get(input, "name", input.id)]), "path": "log_forwarding"} if {
	input.attributes.type == "MicrosoftAD"
	not input.attributes.log_forwarding
}
