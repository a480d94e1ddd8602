variable "names" {
  default = ["a", "b"]
}

variable "ports" {
  default = { http = 80, https = 443 }
}

variable "unknown_count" {}

resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "b-${count.index}"
}

resource "aws_s3_bucket_acl" "counted" {
  count  = 2
  bucket = aws_s3_bucket.counted[count.index].id
  acl    = "private"
}

resource "aws_s3_bucket" "each_set" {
  for_each = toset(var.names)
  bucket   = "set-${each.key}"
}

resource "aws_security_group" "web" {
  for_each = var.ports
  name     = "sg-${each.key}"

  dynamic "ingress" {
    for_each = [each.value, 8080]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  ingress {
    from_port = 22
    to_port   = 22
  }

  dynamic "egress" {
    for_each = var.names
    iterator = e
    content {
      description = "to ${e.value} #${e.key}"
    }
  }
}

resource "aws_s3_bucket" "maybe" {
  count  = var.unknown_count
  bucket = "maybe-${count.index}"
}

resource "aws_s3_bucket" "none" {
  count  = 0
  bucket = "none"
}

resource "aws_security_group" "unknown_dyn" {
  dynamic "ingress" {
    for_each = var.unknown_count
    content {
      from_port = ingress.value
    }
  }
}
