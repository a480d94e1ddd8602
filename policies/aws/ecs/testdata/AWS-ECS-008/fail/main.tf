resource "aws_ecs_cluster" "prod" {
  name = "prod"
}
