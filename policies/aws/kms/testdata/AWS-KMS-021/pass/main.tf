# KMS gives a key declared without a policy its default policy: the key's
# own account, through IAM.
resource "aws_kms_key" "app" {
  description         = "app"
  enable_key_rotation = true
}
