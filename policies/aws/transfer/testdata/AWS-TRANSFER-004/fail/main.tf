resource "aws_transfer_server" "partners" {
  protocols            = ["SFTP"]
  endpoint_type        = "VPC"

  endpoint_details {
    vpc_id     = "vpc-0a1b2c3d4e5f60718"
    subnet_ids = ["subnet-0a1b2c3d4e5f60718"]
  }

  structured_log_destinations = ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/transfer/partners:*"]
}
