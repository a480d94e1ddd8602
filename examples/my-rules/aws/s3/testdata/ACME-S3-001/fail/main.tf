resource "aws_s3_bucket" "untagged" {
  bucket = "acme-untagged"
  tags = {
    Owner = "someone"
  }
}
