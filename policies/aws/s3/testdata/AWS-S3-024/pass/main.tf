resource "aws_s3_bucket" "data" {
  bucket = "data"
}

resource "aws_s3_bucket_notification" "data" {
  bucket      = aws_s3_bucket.data.id
  eventbridge = true
}

resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  queue {
    queue_arn = "arn:aws:sqs:us-east-1:111122223333:uploads"
    events    = ["s3:ObjectCreated:*"]
  }
}
