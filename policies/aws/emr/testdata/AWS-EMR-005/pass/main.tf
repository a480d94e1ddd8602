resource "aws_emr_security_configuration" "encrypted" {
  name = "encrypted"

  configuration = jsonencode({
    "EncryptionConfiguration" = {
      "EnableAtRestEncryption" = true,
      "EnableInTransitEncryption" = true,
      "AtRestEncryptionConfiguration" = {
        "S3EncryptionConfiguration" = {
          "EncryptionMode" = "SSE-KMS",
          "AwsKmsKey" = "arn:aws:kms:us-east-1:123456789012:key/1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809"
        },
        "LocalDiskEncryptionConfiguration" = {
          "EncryptionKeyProviderType" = "AwsKms",
          "AwsKmsKey" = "arn:aws:kms:us-east-1:123456789012:key/1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809"
        }
      },
      "InTransitEncryptionConfiguration" = {
        "TLSCertificateConfiguration" = {
          "CertificateProviderType" = "PEM",
          "S3Object" = "s3://emr-certs-123456789012/certs.zip"
        }
      }
    }
  })
}
