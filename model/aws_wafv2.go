package model

// Kinds of this service.
var (
	KindWAFv2WebACL = NewKind[WAFv2WebACL]("aws.wafv2.web_acl", "WAFv2 web ACL (regional or CloudFront)")
)

// WAFv2WebACL is kind aws.wafv2.web_acl.
type WAFv2WebACL struct {
	Name                     string   `json:"name"`
	Scope                    string   `json:"scope" doc:"REGIONAL or CLOUDFRONT"`
	DefaultAction            string   `json:"default_action" doc:"allow or block"`
	Rules                    int      `json:"rules" doc:"number of rules"`
	ManagedRuleGroups        []string `json:"managed_rule_groups" doc:"vendor/name of each managed rule group used"`
	RateBasedRules           int      `json:"rate_based_rules"`
	LoggingEnabled           bool     `json:"logging_enabled"`
	ManagedByFirewallManager bool     `json:"managed_by_firewall_manager"`
}
