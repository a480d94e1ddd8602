resource "aws_lambda_function" "webhook" {
  function_name = "webhook"
  role          = "arn:aws:iam::123456789012:role/webhook"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "webhook.zip"
  environment {
    variables = {
      STAGE       = "prod"
      SLACK_TOKEN = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"
    }
  }
}
