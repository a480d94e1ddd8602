# METADATA
# title: "RDS instance has Enhanced Monitoring turned off"
# description: "Without Enhanced Monitoring only hypervisor-level CloudWatch metrics exist; the operating-system metrics and process list that show a runaway or unexpected process on the database host are not collected."
# custom:
#   id: AWS-RDS-023
#   severity: low
#   kinds: [aws.rds.instance]
#   remediation: "Set monitoring_interval to 1, 5, 10, 15, 30 or 60 seconds with a monitoring_role_arn (CloudFormation: MonitoringInterval and MonitoringRoleArn)."
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html, https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-6]
#   compliance:
#     aws-fsbp: ["RDS.6"]
#     nist-800-53-r5: ["CA-7", "SI-4"]
package vigil.rules.aws.rds.enhanced_monitoring_disabled

deny contains {"msg": sprintf("RDS instance %s has Enhanced Monitoring turned off (monitoring interval 0)", [object.get(input, "name", input.id)]), "path": "monitoring_interval"} if {
	input.attributes.monitoring_interval == 0
}
