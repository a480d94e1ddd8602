variable "name" {}

module "leaf" {
  source = "../leaf"
  prefix = var.name
}

resource "aws_s3_bucket" "this" {
  bucket = "${var.name}-data"
  acl    = "private"
}

output "bucket_id" { value = aws_s3_bucket.this.id }
output "bucket_arn" { value = aws_s3_bucket.this.arn }
output "leaf_name" { value = module.leaf.name }
