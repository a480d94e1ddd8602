resource "aws_lambda_function" "thumbs" {
  function_name = "thumbs"
  role          = "arn:aws:iam::123456789012:role/thumbs"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "thumbs.zip"
}

resource "aws_lambda_permission" "s3" {
  statement_id   = "s3"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.thumbs.function_name
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:aws:s3:::uploads"
  source_account = "123456789012"
}

resource "aws_lambda_function_event_invoke_config" "thumbs" {
  function_name = aws_lambda_function.thumbs.function_name
  destination_config {
    on_failure {
      destination = "arn:aws:sqs:us-east-1:123456789012:thumbs-failed"
    }
  }
}

resource "aws_lambda_function" "shipper" {
  function_name = "log-shipper"
  role          = "arn:aws:iam::123456789012:role/shipper"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "shipper.zip"
  dead_letter_config {
    target_arn = "arn:aws:sqs:us-east-1:123456789012:shipper-dlq"
  }
}

resource "aws_lambda_permission" "logs" {
  statement_id  = "logs"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.shipper.function_name
  principal     = "logs.us-east-1.amazonaws.com"
  source_arn    = "arn:aws:logs:us-east-1:123456789012:log-group:app:*"
}
