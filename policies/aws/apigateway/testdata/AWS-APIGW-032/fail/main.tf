resource "aws_api_gateway_rest_api" "internal" {
  name = "internal-orders"

  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = ["vpce-0a1b2c3d4e5f60718"]
  }
}

# Any VPC endpoint, in any account, may invoke the API.
resource "aws_api_gateway_rest_api_policy" "internal" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "execute-api:/*"
    }]
  })
}
