resource "aws_cloudwatch_event_bus" "orders" {
  name = "orders"
}

resource "aws_cloudwatch_event_permission" "share" {
  event_bus_name = aws_cloudwatch_event_bus.orders.name
  statement_id   = "share"
  principal      = "222222222222"
}
