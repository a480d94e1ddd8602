# METADATA
# title: "Transfer Family server does not log to CloudWatch"
# description: "Without a logging role or structured log destinations, the server writes no record of sign-ins, uploads, downloads and deletions, so misuse of a partner account leaves no trace."
# custom:
#   id: AWS-TRANSFER-003
#   severity: medium
#   kinds: [aws.transfer.server]
#   remediation: "Set structured_log_destinations to a CloudWatch Logs log group (or logging_role to a role that may write the server's logs)."
#   references: [https://docs.aws.amazon.com/transfer/latest/userguide/structured-logging.html]
#   compliance:
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.transfer.server_logging_disabled

deny contains {"msg": sprintf("Transfer Family server %s sends no logs to CloudWatch", [object.get(input, "name", input.id)]), "path": "structured_logs"} if {
	input.attributes.logging_role == ""
	not input.attributes.structured_logs
}
