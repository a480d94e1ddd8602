data "aws_caller_identity" "current" {}

resource "aws_inspector2_enabler" "this" {
  account_ids    = ["123456789012"]
  resource_types = ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE"]
}
