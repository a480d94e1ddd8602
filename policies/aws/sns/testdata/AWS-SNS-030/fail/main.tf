resource "aws_sns_topic" "orders" {
  name              = "orders"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sqs_queue" "fulfilment" {
  name = "fulfilment"
}

resource "aws_sns_topic_subscription" "fulfilment" {
  topic_arn = aws_sns_topic.orders.arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.fulfilment.arn
}
