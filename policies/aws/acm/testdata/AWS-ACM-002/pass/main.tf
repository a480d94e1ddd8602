resource "aws_acm_certificate" "shop" {
  domain_name       = "shop.example.com"
  validation_method = "DNS"
  key_algorithm     = "EC_prime256v1"
}
