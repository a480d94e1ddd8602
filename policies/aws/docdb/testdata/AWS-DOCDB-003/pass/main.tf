resource "aws_docdb_cluster" "c" {
  cluster_identifier = "orders"
  master_username    = "app"
  manage_master_user_password = true
  enabled_cloudwatch_logs_exports = ["audit", "profiler"]
}
