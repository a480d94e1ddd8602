resource "aws_db_cluster_snapshot" "export" {
  db_cluster_identifier          = "billing"
  db_cluster_snapshot_identifier = "billing-export"
  shared_accounts                = ["222222222222"]
}
