resource "aws_sns_topic" "db_alerts" {
  name = "db-alerts"
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
}

resource "aws_db_event_subscription" "parameter_groups" {
  name        = "parameter-group-changes"
  sns_topic   = aws_sns_topic.db_alerts.arn
  source_type = "db-parameter-group"
  event_categories = [
    "configuration change",
  ]
}
