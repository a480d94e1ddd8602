resource "aws_neptune_cluster" "c" {
  cluster_identifier = "graph"
  storage_encrypted = true
}
