package tfaws

import (
	"strconv"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// WAFv2 web ACLs, joined with their logging configuration.
func init() {
	registerParent("aws_wafv2_web_acl", model.KindWAFv2WebACL, func(b *Builder) {
		a := model.KindWAFv2WebACL.Must(b.R)
		a.Name = b.NameFrom("name", "name_prefix")
		a.Scope = b.String("scope", "scope", "")
		switch {
		case b.HasBlock("default_action[0].block"):
			a.DefaultAction = "block"
		case b.HasBlock("default_action[0].allow"):
			a.DefaultAction = "allow"
		}
		// A dynamic rule block whose for_each is not known yet leaves
		// the count of rules unknown, not zero.
		if v, ok := b.Lookup("rule"); ok && instance.IsUnknown(v) {
			b.R.MarkUnknown("rules")
			b.R.MarkUnknown("managed_rule_groups")
			b.R.MarkUnknown("rate_based_rules")
		}
		rules := b.Blocks("rule")
		a.Rules = len(rules)
		for i := range rules {
			st := "rule[" + strconv.Itoa(i) + "].statement[0]"
			if b.HasBlock(st + ".rate_based_statement") {
				a.RateBasedRules++
			}
			mg := st + ".managed_rule_group_statement[0]"
			if b.HasBlock(mg) {
				a.ManagedRuleGroups = append(a.ManagedRuleGroups,
					b.String(mg+".vendor_name", "", "")+"/"+b.String(mg+".name", "", ""))
			}
		}
		// Logging is a separate resource; none joined means none.
		a.LoggingEnabled = false
	})
	registerChild("aws_wafv2_web_acl_logging_configuration", "resource_arn", []string{"aws_wafv2_web_acl"}, func(p *Builder, c *Child) {
		model.KindWAFv2WebACL.Must(p.R).LoggingEnabled = true
	})
}
