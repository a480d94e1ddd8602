resource "aws_apigatewayv2_api" "orders" {
  name                         = "orders"
  protocol_type                = "HTTP"
  disable_execute_api_endpoint = true
}

resource "aws_apigatewayv2_authorizer" "jwt" {
  api_id           = aws_apigatewayv2_api.orders.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "cognito"

  jwt_configuration {
    audience = ["orders"]
    issuer   = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_example"
  }
}

resource "aws_apigatewayv2_route" "list" {
  api_id    = aws_apigatewayv2_api.orders.id
  route_key = "GET /orders"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.jwt.id
}

resource "aws_apigatewayv2_domain_name" "orders" {
  domain_name = "orders.example.com"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.orders.id
  name        = "prod"
  auto_deploy = true

  access_log_settings {
    destination_arn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/apigateway/orders"
    format          = "$context.requestId $context.status"
  }
}

resource "aws_apigatewayv2_api_mapping" "orders" {
  api_id      = aws_apigatewayv2_api.orders.id
  domain_name = aws_apigatewayv2_domain_name.orders.id
  stage       = aws_apigatewayv2_stage.prod.id
}
