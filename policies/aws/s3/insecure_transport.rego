# METADATA
# title: S3 bucket policy does not deny requests over plain HTTP
# description: Unless the bucket policy denies requests where aws:SecureTransport is false, clients can read and write objects without TLS.
# custom:
#   id: AWS-S3-008
#   severity: medium
#   kinds: [aws.s3.bucket]
#   remediation: "Add a bucket policy statement: Effect Deny, Principal \"*\", Action \"s3:*\", Resource the bucket and its objects, Condition Bool aws:SecureTransport = \"false\"."
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html]
#   compliance:
#     cis-aws-3.0: ["2.1.1"]
#     cis-aws-5.0: ["2.1.1"]
#     cis-aws-7.0: ["3.1.1"]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8"]
package vigil.rules.aws.s3.insecure_transport

import data.vigil.lib.iam

deny contains {"msg": msg, "path": "policy"} if {
	input.attributes.policy == null
	msg := sprintf("bucket %s has no policy denying requests without TLS", [input.name])
}

deny contains {"msg": msg, "path": "policy"} if {
	doc := input.attributes.policy
	doc != null
	not iam.denies_insecure_transport(doc)
	msg := sprintf("bucket %s policy does not deny requests where aws:SecureTransport is false", [input.name])
}
