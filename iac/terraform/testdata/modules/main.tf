module "app" {
  source = "./modules/app"
  name   = "shop"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
  cidr    = "10.1.0.0/16"
}

module "missing" {
  source = "terraform-aws-modules/nothing/aws"
}

module "multi" {
  source = "./modules/leaf"
  count  = 2
  prefix = "multi-${count.index}"
}

resource "aws_s3_bucket_policy" "app" {
  bucket = module.app.bucket_id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Resource = module.app.bucket_arn }] })
}

resource "aws_s3_bucket" "uses_missing" {
  bucket = module.missing.name
}

resource "aws_sqs_queue" "names" {
  name = join(",", [module.app.leaf_name, module.multi[1].name])
}
