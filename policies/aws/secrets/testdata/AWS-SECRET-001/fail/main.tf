resource "aws_instance" "bastion" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIAZ7VRSQ5TLWJRXQ4M
    aws s3 sync s3://ops-tools /opt/ops
  EOT
}
