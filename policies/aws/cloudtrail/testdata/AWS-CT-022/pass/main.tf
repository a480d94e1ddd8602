provider "aws" {
  region = "us-east-1"
}

# No selector: AWS logs every management event, read and write.
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-trail"
  is_multi_region_trail = true
}
