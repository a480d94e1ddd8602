provider "aws" {
  region = "us-east-1"
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0abc1234"

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
