resource "aws_s3_bucket" "uploads" {
  bucket = "legacy-uploads"
}

resource "aws_s3_bucket_ownership_controls" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  rule {
    object_ownership = "ObjectWriter"
  }
}
