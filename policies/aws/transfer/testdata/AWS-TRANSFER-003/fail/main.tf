resource "aws_transfer_server" "partners" {
  protocols            = ["SFTP"]
  endpoint_type        = "VPC"
  security_policy_name = "TransferSecurityPolicy-2024-01"

  endpoint_details {
    vpc_id     = "vpc-0a1b2c3d4e5f60718"
    subnet_ids = ["subnet-0a1b2c3d4e5f60718"]
  }
}
