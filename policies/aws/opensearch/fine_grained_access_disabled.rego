# METADATA
# title: "OpenSearch fine-grained access control is disabled"
# description: "Without fine-grained access control every principal the access policy lets in has full access to every index, document and field, and the domain cannot publish audit logs."
# custom:
#   id: AWS-OPENSEARCH-021
#   severity: high
#   kinds: [aws.opensearch.domain]
#   remediation: "Enable advanced_security_options (enabled = true, with an IAM master user or the internal user database); CloudFormation AdvancedSecurityOptions.Enabled. It requires encryption at rest, node-to-node encryption and HTTPS."
#   references: [https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html, https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-7]
#   compliance:
#     aws-fsbp: ["Opensearch.7"]
#     nist-800-53-r5: ["AC-3", "AC-6"]
package vigil.rules.aws.opensearch.fine_grained_access_disabled

deny contains {"msg": sprintf("OpenSearch domain %s does not use fine-grained access control", [object.get(input, "name", input.id)]), "path": "fine_grained_access_control"} if {
	input.attributes.fine_grained_access_control == false
}
