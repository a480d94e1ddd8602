resource "aws_autoscaling_group" "web" {
  name              = "web"
  min_size          = 2
  max_size          = 4
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
  target_group_arns = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"]
  health_check_type = "ELB"
  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "$Latest"
  }

  tag {
    key                 = "team"
    value               = "web"
    propagate_at_launch = true
  }
}

resource "aws_subnet" "a" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.2.0/24"
  availability_zone = "us-east-1b"
}
