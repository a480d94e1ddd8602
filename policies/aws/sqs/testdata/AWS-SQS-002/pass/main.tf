resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_sqs_queue_policy" "jobs" {
  queue_url = aws_sqs_queue.jobs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:SendMessage"
      Resource  = "*"
      Condition = { ArnEquals = { "aws:SourceArn" = "arn:aws:sns:us-east-1:123456789012:alerts" } }
    }]
  })
}
