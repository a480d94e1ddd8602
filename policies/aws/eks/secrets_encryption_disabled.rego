# METADATA
# title: "EKS secrets are not envelope-encrypted with KMS"
# description: "Without envelope encryption, Kubernetes Secrets in etcd are protected only by the EBS-level encryption that AWS manages."
# custom:
#   id: AWS-EKS-002
#   severity: medium
#   kinds: [aws.eks.cluster]
#   remediation: "Add an encryption_config block with resources = [\"secrets\"] and a KMS key ARN."
#   references: [https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html]
#   compliance:
#     nist-800-53-r5: ["SC-28", "SC-12"]
package vigil.rules.aws.eks.secrets_encryption_disabled

deny contains {"msg": sprintf("EKS cluster %s does not envelope-encrypt Kubernetes secrets", [object.get(input, "name", input.id)]), "path": "secrets_encryption"} if {
	not input.attributes.secrets_encryption
}
