resource "aws_api_gateway_rest_api" "internal" {
  name = "internal-orders"

  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = ["vpce-0a1b2c3d4e5f60718"]
  }

  # Only the organization's endpoint may invoke the API.
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
        Condition = { StringNotEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d4e5f60718" } }
      },
    ]
  })
}
