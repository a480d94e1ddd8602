resource "aws_neptune_cluster" "c" {
  cluster_identifier = "graph"
  iam_database_authentication_enabled = true
}
