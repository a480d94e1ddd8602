resource "aws_ami" "bastion" {
  name                = "bastion-2024-06"
  root_device_name    = "/dev/xvda"
  virtualization_type = "hvm"

  ebs_block_device {
    device_name = "/dev/xvda"
    snapshot_id = "snap-0123456789abcdef0"
    encrypted   = true
  }
}

resource "aws_ami_launch_permission" "dr" {
  image_id   = aws_ami.bastion.id
  account_id = "222222222222"
}
