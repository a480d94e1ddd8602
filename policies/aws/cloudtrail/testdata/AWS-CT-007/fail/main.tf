provider "aws" {
  region = "us-east-1"
}

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = true
}

resource "aws_s3_bucket" "trail" {
  bucket = "acme-trail"
}
