resource "aws_kms_key" "app" {
  description             = "app"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_key" "paused" {
  description         = "paused"
  enable_key_rotation = true
  is_enabled          = false
}
