resource "aws_kms_key" "app" {
  description         = "app data"
  enable_key_rotation = true
}

resource "aws_kms_key_policy" "app" {
  key_id = aws_kms_key.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Everyone"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
