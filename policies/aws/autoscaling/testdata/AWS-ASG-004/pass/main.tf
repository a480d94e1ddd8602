resource "aws_launch_configuration" "web" {
  name                        = "web"
  image_id                    = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = false
  user_data                   = <<-EOT
    #!/bin/bash
    yum install -y nginx
  EOT

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}
