resource "aws_launch_template" "legacy" {
  name          = "legacy"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  network_interfaces {
    associate_public_ip_address = true
  }
}
