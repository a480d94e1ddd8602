resource "aws_ecs_cluster" "prod" {
  name = "prod"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = aws_ecs_cluster.prod.id
  launch_type     = "FARGATE"
  task_definition = "api:7"
  desired_count   = 2
  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = false
  }
}
