package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	nfw "github.com/aws/aws-sdk-go-v2/service/networkfirewall"
	nfwtypes "github.com/aws/aws-sdk-go-v2/service/networkfirewall/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("networkfirewall", false, collectNetworkFirewall) }

var (
	nfwFirewallFills = []string{"deletion_protection", "subnet_change_protection", "policy_change_protection", "subnet_count", "policy_arn", model.TagsPath}
	nfwPolicyFills   = []string{"stateless_default_actions", "stateless_fragment_default_actions", "stateless_rule_groups", "stateful_rule_groups", model.TagsPath}
)

// collectNetworkFirewall reads the firewalls (ListFirewalls, then
// DescribeFirewall and DescribeLoggingConfiguration for each) and the
// firewall policies (ListFirewallPolicies, DescribeFirewallPolicy). A
// failed listing leaves the other to be read.
func collectNetworkFirewall(ctx context.Context, s *scope) {
	client := nfw.NewFromConfig(s.Config())
	collectNFWFirewalls(ctx, s, client)
	collectNFWPolicies(ctx, s, client)
}

func collectNFWFirewalls(ctx context.Context, s *scope, client *nfw.Client) {
	var list []nfwtypes.FirewallMetadata
	p := nfw.NewListFirewallsPaginator(client, &nfw.ListFirewallsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListFirewalls", err)
			return
		}
		list = append(list, page.Firewalls...)
	}
	forEach(s, list, func(f nfwtypes.FirewallMetadata) {
		a := &model.NetworkFirewallFirewall{LoggingTypes: []string{}}
		raw := map[string]any{"FirewallMetadata": f}
		var tags map[string]string
		var rels []model.Relation
		rd := s.reads(aws.ToString(f.FirewallArn))
		rd.call("DescribeFirewall", nfwFirewallFills, func() error {
			out, err := client.DescribeFirewall(ctx, &nfw.DescribeFirewallInput{FirewallArn: f.FirewallArn})
			if err != nil {
				return err
			}
			fw := out.Firewall
			if fw == nil {
				return nil
			}
			raw["Firewall"] = fw
			a.DeletionProtection = fw.DeleteProtection
			a.SubnetChangeProtection = fw.SubnetChangeProtection
			a.PolicyChangeProtection = fw.FirewallPolicyChangeProtection
			a.SubnetCount = max(len(fw.SubnetMappings), len(fw.AvailabilityZoneMappings))
			a.PolicyARN = aws.ToString(fw.FirewallPolicyArn)
			tags = addTags(nil, fw.Tags, func(t nfwtypes.Tag) (*string, *string) { return t.Key, t.Value })
			for _, m := range fw.SubnetMappings {
				rels = append(rels, model.Relation{Type: model.RelInSubnet, Target: aws.ToString(m.SubnetId)})
			}
			if v := aws.ToString(fw.VpcId); v != "" {
				rels = append(rels, model.Relation{Type: model.RelInVPC, Target: v})
			}
			return nil
		})
		rd.call("DescribeLoggingConfiguration", []string{"logging_types"}, func() error {
			out, err := client.DescribeLoggingConfiguration(ctx, &nfw.DescribeLoggingConfigurationInput{FirewallArn: f.FirewallArn})
			if err != nil {
				return err
			}
			raw["LoggingConfiguration"] = out.LoggingConfiguration
			if l := out.LoggingConfiguration; l != nil {
				for _, d := range l.LogDestinationConfigs {
					a.LoggingTypes = append(a.LoggingTypes, string(d.LogType))
				}
			}
			return nil
		})
		rd.add(model.KindNetworkFirewallFirewall.With(a), aws.ToString(f.FirewallName), raw, tags, rels...)
	})
}

func collectNFWPolicies(ctx context.Context, s *scope, client *nfw.Client) {
	var list []nfwtypes.FirewallPolicyMetadata
	p := nfw.NewListFirewallPoliciesPaginator(client, &nfw.ListFirewallPoliciesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListFirewallPolicies", err)
			return
		}
		list = append(list, page.FirewallPolicies...)
	}
	forEach(s, list, func(fp nfwtypes.FirewallPolicyMetadata) {
		a := &model.NetworkFirewallPolicy{}
		raw := map[string]any{"FirewallPolicyMetadata": fp}
		var tags map[string]string
		rd := s.reads(aws.ToString(fp.Arn))
		rd.call("DescribeFirewallPolicy", nfwPolicyFills, func() error {
			out, err := client.DescribeFirewallPolicy(ctx, &nfw.DescribeFirewallPolicyInput{FirewallPolicyArn: fp.Arn})
			if err != nil {
				return err
			}
			raw["FirewallPolicy"] = out.FirewallPolicy
			if r := out.FirewallPolicyResponse; r != nil {
				tags = addTags(nil, r.Tags, func(t nfwtypes.Tag) (*string, *string) { return t.Key, t.Value })
			}
			if pol := out.FirewallPolicy; pol != nil {
				a.StatelessDefaultActions = pol.StatelessDefaultActions
				a.StatelessFragmentDefaultActions = pol.StatelessFragmentDefaultActions
				a.StatelessRuleGroups = len(pol.StatelessRuleGroupReferences)
				a.StatefulRuleGroups = len(pol.StatefulRuleGroupReferences)
			}
			return nil
		})
		rd.add(model.KindNetworkFirewallPolicy.With(a), aws.ToString(fp.Name), raw, tags)
	})
}
