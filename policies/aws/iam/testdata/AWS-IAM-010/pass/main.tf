provider "aws" {
  region = "us-east-1"
}

data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["ec2:Describe*"]
    resources = ["*"]
  }
  statement {
    effect      = "Deny"
    not_actions = ["ec2:Describe*"]
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "app" {
  name   = "app"
  policy = data.aws_iam_policy_document.app.json
}
