provider "aws" {
  region = "us-east-1"
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0abc1234"
}

resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  protocol          = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_blocks      = ["10.0.0.0/16"]
}
