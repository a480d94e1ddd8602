resource "aws_elb" "web" {
  name                      = "web"
  availability_zones        = ["us-east-1a", "us-east-1b"]
  connection_draining       = true
  cross_zone_load_balancing = true
  desync_mitigation_mode    = "defensive"

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}
