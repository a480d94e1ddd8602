resource "aws_networkfirewall_firewall" "egress" {
  name                = "egress"
  vpc_id              = "vpc-0abc1234def567890"
  firewall_policy_arn = "arn:aws:network-firewall:us-east-1:123456789012:firewall-policy/strict"
  delete_protection   = true

  subnet_mapping {
    subnet_id = "subnet-0abc1234def567890"
  }

  subnet_mapping {
    subnet_id = "subnet-0abc1234def567891"
  }
}

resource "aws_networkfirewall_logging_configuration" "egress" {
  firewall_arn = aws_networkfirewall_firewall.egress.arn

  logging_configuration {
    log_destination_config {
      log_type             = "ALERT"
      log_destination_type = "CloudWatchLogs"
      log_destination = {
        logGroup = "/aws/network-firewall/alert"
      }
    }
    log_destination_config {
      log_type             = "FLOW"
      log_destination_type = "S3"
      log_destination = {
        bucketName = "nfw-flow-logs-123456789012"
      }
    }
  }
}
