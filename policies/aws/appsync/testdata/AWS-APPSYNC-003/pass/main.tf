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

resource "aws_wafv2_web_acl" "api" {
  name  = "orders-api"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "orders-api"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "orders" {
  resource_arn = aws_appsync_graphql_api.orders.arn
  web_acl_arn  = aws_wafv2_web_acl.api.arn
}
