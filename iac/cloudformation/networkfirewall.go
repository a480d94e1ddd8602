package cloudformation

import (
	"fmt"

	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::NetworkFirewall::Firewall", model.KindNetworkFirewallFirewall, func(b *builder) {
		a := model.KindNetworkFirewallFirewall.Must(b.target)
		a.DeletionProtection = b.boolean("DeleteProtection", "deletion_protection", false)
		a.SubnetChangeProtection = b.boolean("SubnetChangeProtection", "subnet_change_protection", false)
		a.PolicyChangeProtection = b.boolean("FirewallPolicyChangeProtection", "policy_change_protection", false)
		a.SubnetCount = max(b.count("SubnetMappings", "subnet_count"), b.count("AvailabilityZoneMappings", "subnet_count"))
		a.PolicyARN = b.str("FirewallPolicyArn", "policy_arn", "")
		// No logging unless a logging configuration joins.
		a.LoggingTypes = []string{}
	})
	child("AWS::NetworkFirewall::LoggingConfiguration", func(c *builder) {
		for _, p := range c.parentsOf("FirewallArn", "AWS::NetworkFirewall::Firewall") {
			c.onto(p)
			a := model.KindNetworkFirewallFirewall.Must(c.target)
			for i := range c.count("LoggingConfiguration.LogDestinationConfigs", "logging_types") {
				if t := c.str(fmt.Sprintf("LoggingConfiguration.LogDestinationConfigs[%d].LogType", i), "logging_types", ""); t != "" {
					a.LoggingTypes = append(a.LoggingTypes, t)
				}
			}
		}
	})
	parent("AWS::NetworkFirewall::FirewallPolicy", model.KindNetworkFirewallPolicy, func(b *builder) {
		a := model.KindNetworkFirewallPolicy.Must(b.target)
		a.StatelessDefaultActions = b.strs("FirewallPolicy.StatelessDefaultActions", "stateless_default_actions")
		a.StatelessFragmentDefaultActions = b.strs("FirewallPolicy.StatelessFragmentDefaultActions", "stateless_fragment_default_actions")
		a.StatelessRuleGroups = b.count("FirewallPolicy.StatelessRuleGroupReferences", "stateless_rule_groups")
		a.StatefulRuleGroups = b.count("FirewallPolicy.StatefulRuleGroupReferences", "stateful_rule_groups")
	})
}
