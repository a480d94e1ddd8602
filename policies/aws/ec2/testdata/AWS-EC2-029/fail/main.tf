provider "aws" {
  region = "us-east-1"
}

resource "aws_ec2_image_block_public_access" "this" {
  state = "unblocked"
}
