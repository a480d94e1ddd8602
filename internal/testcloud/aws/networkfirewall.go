package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	nfw "github.com/aws/aws-sdk-go-v2/service/networkfirewall"
	nfwtypes "github.com/aws/aws-sdk-go-v2/service/networkfirewall/types"
)

// networkFirewallWorld is AWS Network Firewall in one region: firewalls
// as DescribeFirewall shows them with their logging configuration, and
// firewall policies as DescribeFirewallPolicy does (ARNs filled in when
// absent).
type networkFirewallWorld struct {
	Firewalls []nfwFirewall                      `json:"firewalls"`
	Policies  []nfw.DescribeFirewallPolicyOutput `json:"policies"`
}

type nfwFirewall struct {
	nfwtypes.Firewall
	LoggingConfiguration *nfwtypes.LoggingConfiguration `json:"loggingConfiguration"`
}

// Network Firewall's listings answer up to MaxResults (1-100) items.
const nfwPageSize = 100

func init() {
	register(&service{name: "networkfirewall", signing: "network-firewall", protocol: protoJSON10,
		newWorld: func() any { return &networkFirewallWorld{} },
		ops: map[string]op{
			"ListFirewalls": func(c *call) (any, error) {
				var list []nfwtypes.FirewallMetadata
				for _, f := range nfwFirewalls(c) {
					list = append(list, nfwtypes.FirewallMetadata{FirewallArn: f.FirewallArn, FirewallName: f.FirewallName})
				}
				items, next, err := page(list, c.param("NextToken"), c.intParam("MaxResults", nfwPageSize))
				if err != nil {
					return nil, badRequest("InvalidTokenException", "Invalid token")
				}
				return &nfw.ListFirewallsOutput{Firewalls: append([]nfwtypes.FirewallMetadata{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeFirewall": func(c *call) (any, error) {
				f, err := nfwFirewallOf(c)
				if err != nil {
					return nil, err
				}
				return &nfw.DescribeFirewallOutput{Firewall: &f.Firewall, UpdateToken: optional("tc-1"),
					FirewallStatus: &nfwtypes.FirewallStatus{Status: nfwtypes.FirewallStatusValueReady, ConfigurationSyncStateSummary: nfwtypes.ConfigurationSyncStateInSync}}, nil
			},
			"DescribeLoggingConfiguration": func(c *call) (any, error) {
				f, err := nfwFirewallOf(c)
				if err != nil {
					return nil, err
				}
				return &nfw.DescribeLoggingConfigurationOutput{FirewallArn: f.FirewallArn, LoggingConfiguration: f.LoggingConfiguration}, nil
			},
			"ListFirewallPolicies": func(c *call) (any, error) {
				var list []nfwtypes.FirewallPolicyMetadata
				for _, p := range nfwPolicies(c) {
					list = append(list, nfwtypes.FirewallPolicyMetadata{Arn: p.FirewallPolicyResponse.FirewallPolicyArn, Name: p.FirewallPolicyResponse.FirewallPolicyName})
				}
				items, next, err := page(list, c.param("NextToken"), c.intParam("MaxResults", nfwPageSize))
				if err != nil {
					return nil, badRequest("InvalidTokenException", "Invalid token")
				}
				return &nfw.ListFirewallPoliciesOutput{FirewallPolicies: append([]nfwtypes.FirewallPolicyMetadata{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeFirewallPolicy": func(c *call) (any, error) {
				arn, name := c.param("FirewallPolicyArn"), c.param("FirewallPolicyName")
				for _, p := range nfwPolicies(c) {
					r := p.FirewallPolicyResponse
					if arn == aws.ToString(r.FirewallPolicyArn) || (arn == "" && name == aws.ToString(r.FirewallPolicyName)) {
						return &p, nil
					}
				}
				return nil, badRequest("ResourceNotFoundException", "Firewall policy %s%s not found", arn, name)
			},
		}})
}

func nfwFirewalls(c *call) []nfwFirewall {
	var out []nfwFirewall
	for _, f := range worldOf[networkFirewallWorld](c).Firewalls {
		if f.FirewallArn == nil {
			f.FirewallArn = optional(c.arn("network-firewall", "firewall/"+aws.ToString(f.FirewallName)))
		}
		out = append(out, f)
	}
	return out
}

func nfwFirewallOf(c *call) (*nfwFirewall, error) {
	arn, name := c.param("FirewallArn"), c.param("FirewallName")
	for _, f := range nfwFirewalls(c) {
		if arn == aws.ToString(f.FirewallArn) || (arn == "" && name == aws.ToString(f.FirewallName)) {
			return &f, nil
		}
	}
	return nil, badRequest("ResourceNotFoundException", "Firewall %s%s not found", arn, name)
}

func nfwPolicies(c *call) []nfw.DescribeFirewallPolicyOutput {
	var out []nfw.DescribeFirewallPolicyOutput
	for _, p := range worldOf[networkFirewallWorld](c).Policies {
		if p.FirewallPolicyResponse == nil {
			continue
		}
		r := *p.FirewallPolicyResponse
		if r.FirewallPolicyArn == nil {
			r.FirewallPolicyArn = optional(c.arn("network-firewall", "firewall-policy/"+aws.ToString(r.FirewallPolicyName)))
		}
		p.FirewallPolicyResponse = &r
		if p.UpdateToken == nil {
			p.UpdateToken = optional("tc-1")
		}
		out = append(out, p)
	}
	return out
}
