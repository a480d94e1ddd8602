resource "aws_cloudwatch_log_group" "api" {
  name              = "/app/api"
  retention_in_days = 365
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
