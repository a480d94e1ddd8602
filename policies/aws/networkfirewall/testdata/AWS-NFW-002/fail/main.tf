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
