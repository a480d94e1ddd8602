resource "aws_sns_topic" "db_alerts" {
  name = "db-alerts"
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier          = "ledger"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
}

resource "aws_db_event_subscription" "clusters" {
  name        = "db-cluster-events"
  sns_topic   = aws_sns_topic.db_alerts.arn
  source_type = "db-cluster"
  source_ids  = ["ledger"]
  event_categories = [
    "maintenance",
    "failure",
  ]
}
