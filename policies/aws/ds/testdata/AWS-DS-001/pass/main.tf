resource "aws_directory_service_directory" "corp" {
  name     = "corp.acme.example"
  password = var.admin_password
  edition  = "Standard"
  type     = "MicrosoftAD"

  vpc_settings {
    vpc_id     = "vpc-0a1b2c3d4e5f60718"
    subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-1a2b3c4d5e6f70819"]
  }
}

variable "admin_password" {
  type      = string
  sensitive = true
}

resource "aws_directory_service_log_subscription" "corp" {
  directory_id   = aws_directory_service_directory.corp.id
  log_group_name = "/aws/directoryservice/corp"
}
