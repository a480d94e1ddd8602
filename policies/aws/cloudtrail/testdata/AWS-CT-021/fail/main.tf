provider "aws" {
  region = "us-east-1"
}

# Data events of one bucket only: not every bucket's.
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-trail"
  is_multi_region_trail = true

  event_selector {
    read_write_type = "All"

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3:::acme-finance/"]
    }
  }
}
