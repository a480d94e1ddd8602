resource "aws_dms_replication_task" "orders_cdc" {
  replication_task_id      = "orders-cdc"
  migration_type           = "cdc"
  replication_instance_arn = "arn:aws:dms:us-east-1:123456789012:rep:ORDERS"
  source_endpoint_arn      = "arn:aws:dms:us-east-1:123456789012:endpoint:SOURCE"
  target_endpoint_arn      = "arn:aws:dms:us-east-1:123456789012:endpoint:ORDERS"
  table_mappings           = jsonencode({ rules = [{ "rule-type" = "selection", "rule-id" = "1", "rule-name" = "1", "object-locator" = { "schema-name" = "orders", "table-name" = "%" }, "rule-action" = "include" }] })

  replication_task_settings = jsonencode({
    Logging = {
      EnableLogging = true
    }
  })
}
