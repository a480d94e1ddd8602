resource "aws_glue_job" "orders" {
  name     = "orders"
  role_arn = "arn:aws:iam::123456789012:role/glue-orders"
  security_configuration = "etl"

  command {
    script_location = "s3://etl-scripts-123456789012/orders.py"
  }
}
