resource "aws_dms_replication_instance" "orders" {
  replication_instance_id    = "orders"
  replication_instance_class = "dms.r5.large"
  publicly_accessible        = false
  auto_minor_version_upgrade = true
  multi_az                   = true
}
