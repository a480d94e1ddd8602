# METADATA
# title: "CloudWatch log group retention is shorter than a year"
# description: "Logs deleted before a year has passed are often gone by the time an incident is discovered and investigated."
# custom:
#   id: AWS-LOGS-002
#   severity: low
#   kinds: [aws.logs.log_group]
#   remediation: "Set retention_in_days to 365 or more (or 0 to never expire) and archive to S3 if cost matters."
#   references: [https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention]
#   compliance:
#     pci-dss-4.0: ["10.5.1"]
#     nist-800-53-r5: ["AU-11"]
package vigil.rules.aws.logs.log_group_retention_short

# 0 means the logs never expire.
deny contains {"msg": sprintf("CloudWatch log group %s keeps logs for only %d days", [object.get(input, "name", input.id), d]), "path": "retention_in_days"} if {
	d := input.attributes.retention_in_days
	d > 0
	d < 365
}
