resource "aws_bedrock_model_invocation_logging_configuration" "this" {
  logging_config {
    text_data_delivery_enabled = true

    cloudwatch_config {
      log_group_name = "/aws/bedrock/invocations"
      role_arn       = "arn:aws:iam::123456789012:role/bedrock-logging"
    }
  }
}
