resource "aws_secretsmanager_secret" "token" {
  name = "shared-token"
}

resource "aws_secretsmanager_secret_policy" "token" {
  secret_arn = aws_secretsmanager_secret.token.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
    }]
  })
}
