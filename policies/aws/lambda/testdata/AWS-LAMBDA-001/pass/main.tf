resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "api.zip"

}

resource "aws_lambda_permission" "s3" {
  statement_id   = "AllowS3"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.api.function_name
  principal      = "*"
  source_account = "123456789012"
}
