package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/wafv2"
	waftypes "github.com/aws/aws-sdk-go-v2/service/wafv2/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestWAFv2AgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	ctx := context.Background()
	vis := &waftypes.VisibilityConfig{SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: aws.String("m")}
	create := func(region, name string, scope waftypes.Scope, def *waftypes.DefaultAction, rules []waftypes.Rule) {
		t.Helper()
		if _, err := wafv2.NewFromConfig(srv.Config(t, region)).CreateWebACL(ctx, &wafv2.CreateWebACLInput{
			Name: aws.String(name), Scope: scope, DefaultAction: def, VisibilityConfig: vis, Rules: rules,
			Tags: []waftypes.Tag{{Key: aws.String("team"), Value: aws.String("edge")}}}); err != nil {
			t.Fatal(err)
		}
	}
	managed := []waftypes.Rule{{
		Name: aws.String("common"), Priority: 1, VisibilityConfig: vis,
		OverrideAction: &waftypes.OverrideAction{None: &waftypes.NoneAction{}},
		Statement: &waftypes.Statement{ManagedRuleGroupStatement: &waftypes.ManagedRuleGroupStatement{
			VendorName: aws.String("AWS"), Name: aws.String("AWSManagedRulesCommonRuleSet")}},
	}}
	create("eu-west-1", "api", waftypes.ScopeRegional, &waftypes.DefaultAction{Allow: &waftypes.AllowAction{}}, managed)
	create("us-east-1", "edge", waftypes.ScopeCloudfront, &waftypes.DefaultAction{Block: &waftypes.BlockAction{}}, nil)

	res := collectMoto(t, srv, []string{"wafv2"}, "us-east-1", "eu-west-1")
	noErrors(t, res)
	acls := byKind(res, "aws.wafv2.web_acl")
	if len(acls) != 2 {
		t.Fatalf("want the regional and the CloudFront web ACL, got %v", acls)
	}
	api := acls["api"].Attributes.(*model.WAFv2WebACL)
	if acls["api"].Region != "eu-west-1" || api.Scope != "REGIONAL" || api.DefaultAction != "allow" || api.Rules != 1 ||
		len(api.ManagedRuleGroups) != 1 || api.ManagedRuleGroups[0] != "AWS/AWSManagedRulesCommonRuleSet" || acls["api"].Tags["team"] != "edge" {
		t.Errorf("regional ACL: %+v tags %v", api, acls["api"].Tags)
	}
	edge := acls["edge"].Attributes.(*model.WAFv2WebACL)
	if edge.Scope != "CLOUDFRONT" || edge.DefaultAction != "block" || edge.Rules != 0 || edge.LoggingEnabled {
		t.Errorf("CloudFront ACL: %+v", edge)
	}
}
