resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 20
  encrypted         = true
}

# Terraform shares a snapshot with named accounts only.
resource "aws_ebs_snapshot" "nightly" {
  volume_id = aws_ebs_volume.data.id
}

resource "aws_snapshot_create_volume_permission" "dr" {
  snapshot_id = aws_ebs_snapshot.nightly.id
  account_id  = "222222222222"
}
