resource "aws_dms_endpoint" "orders_target" {
  endpoint_id   = "orders-target"
  endpoint_type = "target"
  engine_name   = "postgres"
  server_name   = "orders.cluster-abc.us-east-1.rds.amazonaws.com"
  port          = 5432
  database_name = "orders"
  username      = "dms"
  password      = var.dms_password
  ssl_mode      = "none"
}

variable "dms_password" {
  type      = string
  sensitive = true
}
