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

# A configuration of an alias is not what an invoker of the function gets.
resource "aws_lambda_function_event_invoke_config" "live_alias" {
  function_name = aws_lambda_function.thumbs.function_name
  qualifier     = "live"
  destination_config {
    on_failure {
      destination = "arn:aws:sqs:us-east-1:123456789012:thumbs-failed"
    }
  }
}
