resource "aws_backup_vault" "prod" {
  name = "prod"
}

resource "aws_backup_vault_policy" "prod" {
  backup_vault_name = aws_backup_vault.prod.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["backup:DeleteRecoveryPoint"]
      Resource  = "*"
    }]
  })
}
