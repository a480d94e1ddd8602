resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "api.zip"
  kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  environment {
    variables = {
      LOG_LEVEL      = "info"
      STRIPE_API_KEY = "from-parameter-store"
    }
  }
}
