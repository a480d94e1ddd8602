locals {
  env        = "prod"
  prefix     = "${local.env}-app"
  name       = upper(local.prefix)
  tags       = merge({ Env = local.env }, { Team = "sec" })
  bucket_ref = aws_s3_bucket.logs.id
}

resource "aws_s3_bucket" "logs" {
  bucket = "${local.prefix}-logs"
  tags   = local.tags
}

# vigil:ignore AWS-S3-001 public on purpose
resource "aws_s3_bucket_acl" "logs" {
  bucket = local.bucket_ref
  acl    = "public-read"
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = data.aws_iam_policy_document.logs.json
}

data "aws_iam_policy_document" "logs" {
  statement {
    sid       = "Public"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.logs.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
  statement {
    effect      = "Deny"
    not_actions = ["s3:*"]
    resources   = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
}

resource "aws_instance" "web" {
  ami       = "ami-123"
  subnet_id = aws_subnet.main.id
  user_data = aws_subnet.main.availability_zone_id
  tags = {
    Name = local.name
    Json = jsonencode({ a = 1, b = [true] })
    Fmt  = format("%s-%03d", local.env, 7)
    Look = lookup({ a = "x" }, "b", "dflt")
    Cat  = join(",", concat(["a"], ["b", "c"]))
    Cidr = cidrsubnet("10.0.0.0/16", 8, 2)
    Len  = length("four")
    Cond = local.env == "prod" ? "yes" : "no"
    For  = join(",", [for s in ["x", "y"] : upper(s)])
  }
  nested_unknown = [aws_subnet.main.availability_zone_id, "known"]
  unknownfn      = notafunction("x")
  null_attr      = null

  root_block_device {
    encrypted = true
  }
}

resource "aws_subnet" "main" {
  cidr_block = "10.0.1.0/24"
}
