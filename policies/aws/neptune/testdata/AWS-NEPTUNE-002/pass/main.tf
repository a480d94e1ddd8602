resource "aws_neptune_cluster" "c" {
  cluster_identifier = "graph"
  backup_retention_period = 7
}
