resource "aws_ecs_service" "api" {
  name             = "api"
  cluster          = "prod"
  launch_type      = "FARGATE"
  platform_version = "1.3.0"
  task_definition  = "api:7"
  desired_count    = 2
  network_configuration {
    subnets = ["subnet-0123456789abcdef0"]
  }
}

resource "aws_ecs_service" "spot" {
  name             = "spot"
  cluster          = "prod"
  platform_version = "1.2.0"
  task_definition  = "worker:3"
  desired_count    = 1
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
  network_configuration {
    subnets = ["subnet-0123456789abcdef0"]
  }
}
