resource "aws_kms_key" "app" {
  description         = "app data"
  enable_key_rotation = true
}

resource "aws_kms_key" "signing" {
  description              = "release signing"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "RSA_2048"
}
