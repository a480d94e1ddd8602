resource "aws_glacier_vault" "exports" {
  name = "exports"

  access_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "read"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["glacier:InitiateJob", "glacier:GetJobOutput"]
      Resource  = "arn:aws:glacier:us-east-1:123456789012:vaults/exports",
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}
