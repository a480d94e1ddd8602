package tfaws

import (
	"fmt"

	"github.com/vigil-sec/vigil/model"
)

// Network Firewall: aws_networkfirewall_firewall (joined by its
// aws_networkfirewall_logging_configuration) and
// aws_networkfirewall_firewall_policy become aws.networkfirewall.firewall
// and .firewall_policy.
func init() {
	fwTypes := []string{"aws_networkfirewall_firewall"}
	registerParent("aws_networkfirewall_firewall", model.KindNetworkFirewallFirewall, func(b *Builder) {
		a := model.KindNetworkFirewallFirewall.Must(b.R)
		b.NameFrom("name")
		// Provider defaults: no protection of any kind.
		a.DeletionProtection = b.Bool("delete_protection", "deletion_protection", false)
		a.SubnetChangeProtection = b.Bool("subnet_change_protection", "subnet_change_protection", false)
		a.PolicyChangeProtection = b.Bool("firewall_policy_change_protection", "policy_change_protection", false)
		a.SubnetCount = max(len(b.Blocks("subnet_mapping")), len(b.Blocks("availability_zone_mapping")))
		a.PolicyARN = b.String("firewall_policy_arn", "policy_arn", "")
		// No logging unless a logging configuration joins.
		a.LoggingTypes = []string{}
	})
	registerChild("aws_networkfirewall_logging_configuration", "firewall_arn", fwTypes, func(p *Builder, c *Child) {
		a := model.KindNetworkFirewallFirewall.Must(p.R)
		for i := range c.Blocks("logging_configuration[0].log_destination_config") {
			if t := c.String(fmt.Sprintf("logging_configuration[0].log_destination_config[%d].log_type", i), "logging_types", ""); t != "" {
				a.LoggingTypes = append(a.LoggingTypes, t)
			}
		}
	})
	registerParent("aws_networkfirewall_firewall_policy", model.KindNetworkFirewallPolicy, func(b *Builder) {
		a := model.KindNetworkFirewallPolicy.Must(b.R)
		b.NameFrom("name")
		a.StatelessDefaultActions = b.Strings("firewall_policy[0].stateless_default_actions", "stateless_default_actions")
		a.StatelessFragmentDefaultActions = b.Strings("firewall_policy[0].stateless_fragment_default_actions", "stateless_fragment_default_actions")
		a.StatelessRuleGroups = len(b.Blocks("firewall_policy[0].stateless_rule_group_reference"))
		a.StatefulRuleGroups = len(b.Blocks("firewall_policy[0].stateful_rule_group_reference"))
	})
}
