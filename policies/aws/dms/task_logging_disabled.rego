# METADATA
# title: "DMS replication task does not log to CloudWatch"
# description: "Without task logging, what a migration or ongoing replication read from the source and applied to the target, and the errors it met, are kept nowhere; data lost or altered in replication cannot be traced."
# custom:
#   id: AWS-DMS-005
#   severity: medium
#   kinds: [aws.dms.replication_task]
#   remediation: "Set Logging.EnableLogging to true in the task settings, with SOURCE_CAPTURE, SOURCE_UNLOAD, TARGET_APPLY and TARGET_LOAD at LOGGER_SEVERITY_DEFAULT or above."
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html, https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.Logging.html]
#   compliance:
#     aws-fsbp: ["DMS.7", "DMS.8"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.dms.task_logging_disabled

deny contains {"msg": sprintf("DMS replication task %s does not log to CloudWatch", [object.get(input, "name", input.id)]), "path": "logging_enabled"} if {
	input.attributes.logging_enabled == false
}
