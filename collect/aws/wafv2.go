package aws

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/wafv2"
	waftypes "github.com/aws/aws-sdk-go-v2/service/wafv2/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("wafv2", false, collectWAFv2) }

// collectWAFv2 reads the region's web ACLs (and, in us-east-1, the
// CloudFront-scoped ones) into aws.wafv2.web_acl.
func collectWAFv2(ctx context.Context, s *scope) {
	client := wafv2.NewFromConfig(s.Config())
	scopes := []waftypes.Scope{waftypes.ScopeRegional}
	if s.region == "us-east-1" {
		scopes = append(scopes, waftypes.ScopeCloudfront)
	}
	for _, sc := range scopes {
		var marker *string
		for {
			page, err := client.ListWebACLs(ctx, &wafv2.ListWebACLsInput{Scope: sc, NextMarker: marker, Limit: aws.Int32(100)})
			if err != nil {
				s.fail("ListWebACLs", err)
				break
			}
			for _, sum := range page.WebACLs {
				collectWebACL(ctx, s, client, sc, sum)
			}
			if page.NextMarker == nil || len(page.WebACLs) == 0 {
				break
			}
			marker = page.NextMarker
		}
	}
}

func collectWebACL(ctx context.Context, s *scope, client *wafv2.Client, sc waftypes.Scope, sum waftypes.WebACLSummary) {
	arn := aws.ToString(sum.ARN)
	a := &model.WAFv2WebACL{Name: aws.ToString(sum.Name), Scope: string(sc)}
	var raw any = sum
	rd := s.reads(arn)
	rd.call("GetWebACL", []string{"default_action", "rules", "managed_rule_groups", "rate_based_rules", "managed_by_firewall_manager"}, func() error {
		out, err := client.GetWebACL(ctx, &wafv2.GetWebACLInput{Id: sum.Id, Name: sum.Name, Scope: sc})
		if err != nil {
			return err
		}
		acl := out.WebACL
		if acl == nil {
			return nil
		}
		raw = acl
		a.ManagedByFirewallManager = acl.ManagedByFirewallManager
		switch {
		case acl.DefaultAction == nil:
		case acl.DefaultAction.Block != nil:
			a.DefaultAction = "block"
		case acl.DefaultAction.Allow != nil:
			a.DefaultAction = "allow"
		}
		a.Rules = len(acl.Rules)
		for _, rule := range acl.Rules {
			if st := rule.Statement; st != nil {
				if m := st.ManagedRuleGroupStatement; m != nil {
					a.ManagedRuleGroups = append(a.ManagedRuleGroups, aws.ToString(m.VendorName)+"/"+aws.ToString(m.Name))
				}
				if st.RateBasedStatement != nil {
					a.RateBasedRules++
				}
			}
		}
		return nil
	})
	rd.call("GetLoggingConfiguration", []string{"logging_enabled"}, func() error {
		_, err := client.GetLoggingConfiguration(ctx, &wafv2.GetLoggingConfigurationInput{ResourceArn: aws.String(arn)})
		var notFound *waftypes.WAFNonexistentItemException
		switch {
		case err == nil:
			a.LoggingEnabled = true
		case errors.As(err, &notFound):
		default:
			return err
		}
		return nil
	})
	var tags map[string]string
	rd.call("ListTagsForResource", []string{model.TagsPath}, func() error {
		out, err := client.ListTagsForResource(ctx, &wafv2.ListTagsForResourceInput{ResourceARN: aws.String(arn)})
		if err != nil {
			return err
		}
		if out.TagInfoForResource != nil {
			tags = addTags(tags, out.TagInfoForResource.TagList, func(t waftypes.Tag) (*string, *string) { return t.Key, t.Value })
		}
		return nil
	})
	rd.add(model.KindWAFv2WebACL.With(a), a.Name, raw, tags)
}
