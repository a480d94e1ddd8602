resource "aws_elb" "web" {
  name                      = "web"
  availability_zones        = ["us-east-1a"]
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

resource "aws_lb" "app" {
  name                       = "app"
  load_balancer_type         = "application"
  subnets                    = ["subnet-0a"]
  desync_mitigation_mode     = "defensive"
  drop_invalid_header_fields = true
  enable_deletion_protection = true
}
