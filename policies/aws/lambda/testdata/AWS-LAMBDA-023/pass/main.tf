resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "api.zip"
  code_signing_config_arn = aws_lambda_code_signing_config.signed.arn
}

resource "aws_lambda_code_signing_config" "signed" {
  allowed_publishers {
    signing_profile_version_arns = ["arn:aws:signer:us-east-1:123456789012:/signing-profiles/release/abcdef0123"]
  }
  policies {
    untrusted_artifact_on_deployment = "Enforce"
  }
}

resource "aws_lambda_function" "image" {
  function_name = "image"
  role          = "arn:aws:iam::123456789012:role/image"
  package_type  = "Image"
  image_uri     = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0"
}
