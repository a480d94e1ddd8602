resource "aws_cognito_identity_pool" "gallery" {
  identity_pool_name               = "gallery"
  allow_unauthenticated_identities = false
}
