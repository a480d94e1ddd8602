resource "aws_emr_security_configuration" "encrypted" {
  name = "encrypted"

  configuration = jsonencode({
    "EncryptionConfiguration" = {
      "EnableAtRestEncryption" = false,
      "EnableInTransitEncryption" = true,
      "InTransitEncryptionConfiguration" = {
        "TLSCertificateConfiguration" = {
          "CertificateProviderType" = "PEM",
          "S3Object" = "s3://emr-certs-123456789012/certs.zip"
        }
      }
    }
  })
}
