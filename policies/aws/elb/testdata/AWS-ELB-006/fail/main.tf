provider "aws" {
  region = "us-east-1"
}

resource "aws_elb" "legacy" {
  name               = "legacy"
  availability_zones = ["us-east-1a"]

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}
