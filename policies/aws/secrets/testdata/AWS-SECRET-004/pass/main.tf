resource "aws_ssm_parameter" "deploy_token" {
  name  = "/ci/deploy-token"
  type  = "SecureString"
  value = "ghp_4eK9aQ2mZ7xP1rT8vW3nB6cY0dF5gH2jL9sR"
}

resource "aws_ssm_parameter" "log_level" {
  name  = "/web/log-level"
  type  = "String"
  value = "info"
}
