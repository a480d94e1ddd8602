# METADATA
# title: Expired SSL/TLS certificate is stored in IAM
# description: >-
#   A server certificate kept in IAM has expired. Deployed by mistake to a load balancer or
#   CloudFront, it breaks the service and teaches users to click through certificate warnings, and
#   it is clutter that hides the certificates that matter (CIS AWS Foundations 1.19).
# custom:
#   id: AWS-IAM-025
#   severity: low
#   kinds: [aws.iam.server_certificate]
#   remediation: Delete the expired certificate (aws iam delete-server-certificate --server-certificate-name NAME) after checking nothing uses it; prefer ACM, which renews certificates itself.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html]
#   compliance:
#     cis-aws-3.0: ["1.19"]
#     cis-aws-5.0: ["1.18"]
#     cis-aws-7.0: ["2.17"]
#     nist-800-53-r5: ["SC-17"]
package vigil.rules.aws.iam.server_certificate_expired

deny contains {"msg": msg, "path": "expired"} if {
	input.attributes.expired == true
	msg := sprintf("server certificate %s expired on %s", [input.name, input.attributes.expiration])
}
