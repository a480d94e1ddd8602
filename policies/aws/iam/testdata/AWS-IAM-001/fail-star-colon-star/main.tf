provider "aws" {
  region = "us-east-1"
}

# "*:*" is every action of every service, exactly as "*".
resource "aws_iam_user_policy" "ops" {
  name = "ops-everything"
  user = aws_iam_user.ops.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*:*"
      Resource = "*"
    }]
  })
}

resource "aws_iam_user" "ops" {
  name = "ops"
}
