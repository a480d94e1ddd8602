resource "aws_kms_key" "guardrail" {
  description         = "guardrail"
  enable_key_rotation = true
}

resource "aws_bedrock_guardrail" "app" {
  name                      = "app"
  blocked_input_messaging   = "Blocked."
  blocked_outputs_messaging = "Blocked."
  kms_key_arn = aws_kms_key.guardrail.arn

  content_policy_config {
    filters_config {
      type            = "HATE"
      input_strength  = "HIGH"
      output_strength = "HIGH"
    }
  }
}
