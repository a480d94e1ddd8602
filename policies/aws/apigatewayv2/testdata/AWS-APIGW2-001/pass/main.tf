resource "aws_apigatewayv2_api" "orders" {
  name                         = "orders"
  protocol_type                = "HTTP"
  disable_execute_api_endpoint = false
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
