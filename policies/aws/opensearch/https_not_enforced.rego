# METADATA
# title: "OpenSearch domain does not enforce HTTPS"
# description: "A domain that accepts plain HTTP lets credentials and documents cross the network in cleartext."
# custom:
#   id: AWS-OPENSEARCH-003
#   severity: medium
#   kinds: [aws.opensearch.domain]
#   remediation: "Set domain_endpoint_options { enforce_https = true, tls_security_policy = \"Policy-Min-TLS-1-2-2019-07\" }."
#   references: [https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html]
#   compliance:
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8"]
package vigil.rules.aws.opensearch.https_not_enforced

deny contains {"msg": sprintf("OpenSearch domain %s accepts unencrypted HTTP", [object.get(input, "name", input.id)]), "path": "enforce_https"} if {
	not input.attributes.enforce_https
}
