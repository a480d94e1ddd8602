provider "aws" {
  region = "us-east-1"
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0abc1234"

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
