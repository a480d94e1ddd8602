resource "aws_ami" "web" {
  name                = "web-2024-06"
  root_device_name    = "/dev/xvda"
  virtualization_type = "hvm"

  ebs_block_device {
    device_name = "/dev/xvda"
    snapshot_id = "snap-0123456789abcdef0"
    encrypted   = false
  }
}
