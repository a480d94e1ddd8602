resource "aws_autoscaling_group" "web" {
  name              = "web"
  min_size          = 2
  max_size          = 4
  availability_zones = ["us-east-1a", "us-east-1b"]
  target_group_arns = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"]
  health_check_type = "ELB"
  launch_configuration = aws_launch_configuration.web.name

  tag {
    key                 = "team"
    value               = "web"
    propagate_at_launch = true
  }
}

resource "aws_launch_configuration" "web" {
  name                        = "web"
  image_id                    = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = false
  user_data                   = <<-EOT
    #!/bin/bash
    yum install -y nginx
  EOT

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}
