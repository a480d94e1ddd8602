resource "aws_docdb_cluster" "c" {
  cluster_identifier = "orders"
  master_username    = "app"
  manage_master_user_password = true
  backup_retention_period = 7
}
