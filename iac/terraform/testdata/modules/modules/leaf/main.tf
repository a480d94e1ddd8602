variable "prefix" {
  type = string
}

resource "aws_sqs_queue" "q" {
  name = "${var.prefix}-queue"
}

output "name" {
  value = aws_sqs_queue.q.name
}
