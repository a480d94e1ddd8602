resource "aws_route53_zone" "main" {
  name = "acme.example"
}

resource "aws_route53_key_signing_key" "main" {
  hosted_zone_id             = aws_route53_zone.main.id
  key_management_service_arn = "arn:aws:kms:us-east-1:123456789012:key/6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
  name                       = "main"
}

resource "aws_route53_hosted_zone_dnssec" "main" {
  hosted_zone_id = aws_route53_zone.main.id
}

resource "aws_route53_query_log" "main" {
  zone_id                  = aws_route53_zone.main.zone_id
  cloudwatch_log_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/acme.example"
}
