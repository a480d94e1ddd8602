resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "api.zip"
  reserved_concurrent_executions = 50
}

resource "aws_lambda_function" "paused" {
  function_name = "paused"
  role          = "arn:aws:iam::123456789012:role/paused"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "paused.zip"
  reserved_concurrent_executions = 0
}
