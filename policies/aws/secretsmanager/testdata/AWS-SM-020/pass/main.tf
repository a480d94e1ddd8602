resource "aws_secretsmanager_secret" "token" {
  name = "org-token"
}

resource "aws_secretsmanager_secret_policy" "token" {
  secret_arn          = aws_secretsmanager_secret.token.arn
  block_public_policy = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}

resource "aws_secretsmanager_secret" "app" {
  name = "app-db"
}
