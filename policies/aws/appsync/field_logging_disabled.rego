# METADATA
# title: "AppSync GraphQL API without field-level logging"
# description: "Without field-level (resolver) logging, the requests an API resolves, their errors and who made them leave no record in CloudWatch Logs to investigate abuse or a data leak with."
# custom:
#   id: AWS-APPSYNC-001
#   severity: medium
#   kinds: [aws.appsync.graphql_api]
#   remediation: "Turn on logging with a field resolver log level of ERROR or ALL (Terraform log_config { field_log_level, cloudwatch_logs_role_arn }; CloudFormation LogConfig.FieldLogLevel), and exclude verbose content where responses hold sensitive data."
#   references: [https://docs.aws.amazon.com/appsync/latest/devguide/monitoring.html#cwl, https://docs.aws.amazon.com/securityhub/latest/userguide/appsync-controls.html#appsync-2]
#   compliance:
#     aws-fsbp: ["AppSync.2"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.appsync.field_logging_disabled

deny contains {"msg": sprintf("AppSync API %s has no field-level logging", [object.get(input, "name", input.id)]), "path": "field_log_level"} if {
	input.attributes.field_log_level == "NONE"
}
