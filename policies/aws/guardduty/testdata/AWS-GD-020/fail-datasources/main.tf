resource "aws_guardduty_detector" "main" {
  enable = true

  datasources {
    s3_logs {
      enable = false
    }
  }
}
