resource "aws_neptune_cluster" "c" {
  cluster_identifier = "graph"
  deletion_protection = true
}
