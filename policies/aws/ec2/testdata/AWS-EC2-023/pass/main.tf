resource "aws_ami_copy" "web" {
  name              = "web-2024-06-encrypted"
  source_ami_id     = "ami-0123456789abcdef0"
  source_ami_region = "us-east-1"
  encrypted         = true
}
