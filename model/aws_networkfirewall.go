package model

// Kinds of this service.
var (
	KindNetworkFirewallFirewall = NewKind[NetworkFirewallFirewall]("aws.networkfirewall.firewall", "AWS Network Firewall firewall")
	KindNetworkFirewallPolicy   = NewKind[NetworkFirewallPolicy]("aws.networkfirewall.firewall_policy", "AWS Network Firewall firewall policy")
)

// NetworkFirewallFirewall is kind aws.networkfirewall.firewall.
type NetworkFirewallFirewall struct {
	DeletionProtection     bool     `json:"deletion_protection" doc:"DeleteProtection"`
	SubnetChangeProtection bool     `json:"subnet_change_protection"`
	PolicyChangeProtection bool     `json:"policy_change_protection"`
	SubnetCount            int      `json:"subnet_count" doc:"subnets (Availability Zones for a transit gateway firewall) with a firewall endpoint"`
	LoggingTypes           []string `json:"logging_types" doc:"log types sent to a destination: FLOW, ALERT, TLS; empty: no logging"`
	PolicyARN              string   `json:"policy_arn"`
}

// NetworkFirewallPolicy is kind aws.networkfirewall.firewall_policy.
type NetworkFirewallPolicy struct {
	StatelessDefaultActions         []string `json:"stateless_default_actions" doc:"for full packets no stateless rule matched: aws:pass, aws:drop, aws:forward_to_sfe (and custom actions)"`
	StatelessFragmentDefaultActions []string `json:"stateless_fragment_default_actions" doc:"the same for fragmented packets"`
	StatelessRuleGroups             int      `json:"stateless_rule_groups"`
	StatefulRuleGroups              int      `json:"stateful_rule_groups"`
}
