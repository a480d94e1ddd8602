resource "aws_transfer_server" "partners" {
  protocols            = ["SFTP"]
  security_policy_name = "TransferSecurityPolicy-2024-01"

  structured_log_destinations = ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/transfer/partners:*"]
}
