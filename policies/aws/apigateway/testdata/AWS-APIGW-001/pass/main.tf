resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = "a1b2c3d4e5"
  deployment_id = "dep123"
  stage_name    = "prod"

  access_log_settings {
    destination_arn = "arn:aws:logs:us-east-1:123456789012:log-group:/apigw/prod"
    format          = "$context.requestId $context.identity.sourceIp $context.status"
  }
}
