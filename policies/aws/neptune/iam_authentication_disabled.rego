# METADATA
# title: "Neptune IAM database authentication is disabled"
# description: "Without IAM authentication anyone who reaches the endpoint inside the VPC can query the graph: Neptune has no database users of its own, so IAM is its only authentication."
# custom:
#   id: AWS-NEPTUNE-005
#   severity: medium
#   kinds: [aws.neptune.cluster]
#   remediation: "Set iam_database_authentication_enabled = true and sign requests with SigV4."
#   references: [https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html]
#   compliance:
#     aws-fsbp: ["Neptune.7"]
#     nist-800-53-r5: ["AC-2", "IA-2"]
package vigil.rules.aws.neptune.iam_authentication_disabled

deny contains {"msg": sprintf("Neptune cluster %s does not require IAM authentication", [object.get(input, "name", input.id)]), "path": "iam_database_authentication_enabled"} if {
	not input.attributes.iam_database_authentication_enabled
}
