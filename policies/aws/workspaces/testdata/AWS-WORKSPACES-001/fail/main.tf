resource "aws_workspaces_workspace" "analyst" {
  directory_id                   = "d-9067a1b2c3"
  bundle_id                      = "wsb-0a1b2c3d4"
  user_name                      = "analyst1"
  root_volume_encryption_enabled = true
  user_volume_encryption_enabled = false
  volume_encryption_key          = "arn:aws:kms:us-east-1:123456789012:key/1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809"
}
