resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "prod"
  launch_type     = "FARGATE"
  task_definition = "api:7"
  desired_count   = 2
  network_configuration {
    subnets = ["subnet-0123456789abcdef0"]
  }
}

resource "aws_ecs_service" "current" {
  name             = "current"
  cluster          = "prod"
  launch_type      = "FARGATE"
  platform_version = "1.4.0"
  task_definition  = "api:7"
  desired_count    = 1
  network_configuration {
    subnets = ["subnet-0123456789abcdef0"]
  }
}

resource "aws_ecs_service" "on_ec2" {
  name            = "on-ec2"
  cluster         = "prod"
  launch_type     = "EC2"
  task_definition = "batch:2"
  desired_count   = 1
}
