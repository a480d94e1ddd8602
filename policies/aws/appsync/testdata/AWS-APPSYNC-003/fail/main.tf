resource "aws_appsync_graphql_api" "orders" {
  name                = "orders"
  authentication_type = "AMAZON_COGNITO_USER_POOLS"

  user_pool_config {
    aws_region     = "us-east-1"
    default_action = "ALLOW"
    user_pool_id   = "us-east-1_AbCdEfGhI"
  }

  log_config {
    cloudwatch_logs_role_arn = "arn:aws:iam::123456789012:role/appsync-logs"
    field_log_level          = "ERROR"
  }
}
