provider "aws" {
  region = "us-east-1"
}

resource "aws_security_group" "files" {
  name   = "files"
  vpc_id = "vpc-0abc1234"

  ingress {
    protocol    = "tcp"
    from_port   = 445
    to_port     = 445
    cidr_blocks = ["10.0.0.0/16"]
  }
}
