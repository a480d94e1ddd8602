resource "aws_transfer_server" "partners" {
  protocols            = ["SFTP", "FTPS"]
  endpoint_type        = "VPC"
  security_policy_name = "TransferSecurityPolicy-2024-01"
  certificate          = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"

  endpoint_details {
    vpc_id     = "vpc-0a1b2c3d4e5f60718"
    subnet_ids = ["subnet-0a1b2c3d4e5f60718"]
  }

  structured_log_destinations = ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/transfer/partners:*"]
}
