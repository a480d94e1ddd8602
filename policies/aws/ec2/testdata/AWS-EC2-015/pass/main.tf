provider "aws" {
  region = "us-east-1"
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0abc1234"

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
