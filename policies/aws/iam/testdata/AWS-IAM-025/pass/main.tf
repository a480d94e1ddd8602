provider "aws" {
  region = "us-east-1"
}

resource "aws_iam_server_certificate" "shop" {
  name             = "shop"
  certificate_body = file("${path.module}/shop.crt.pem")
  # The key is not read by Vigil; a real configuration reads it from a secret store.
  private_key = var.shop_private_key
}

variable "shop_private_key" {
  type      = string
  sensitive = true
}
