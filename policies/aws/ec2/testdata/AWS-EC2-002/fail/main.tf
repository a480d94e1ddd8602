provider "aws" {
  region = "us-east-1"
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0abc1234"
}

resource "aws_vpc_security_group_ingress_rule" "admin" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "0.0.0.0/0"
}
