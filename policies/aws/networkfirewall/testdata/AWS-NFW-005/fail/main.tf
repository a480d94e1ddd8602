resource "aws_networkfirewall_firewall_policy" "strict" {
  name = "strict"

  firewall_policy {
    stateless_default_actions          = ["aws:pass"]
    stateless_fragment_default_actions = ["aws:drop"]

    stateful_rule_group_reference {
      resource_arn = "arn:aws:network-firewall:us-east-1:123456789012:stateful-rulegroup/block-domains"
    }
  }
}
