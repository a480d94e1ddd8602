provider "aws" {
  region = "us-east-1"
}

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls  = true
  ignore_public_acls = true
}
