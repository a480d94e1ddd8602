resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  container_definitions = jsonencode([
    { name = "app", image = "example/app:1.0", user = "1000:1000", readonlyRootFilesystem = true, environment = [{ name = "AWS_REGION", value = "us-east-1" }], secrets = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" }] }
  ])
}
