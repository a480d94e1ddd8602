resource "aws_cognito_user_pool" "portal" {
  name                = "portal-users"
  mfa_configuration   = "OFF"
  deletion_protection = "ACTIVE"

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}
