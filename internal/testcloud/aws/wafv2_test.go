package aws

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/wafv2"
	waftypes "github.com/aws/aws-sdk-go-v2/service/wafv2/types"

	"github.com/vigil-sec/vigil/model"
)

const (
	wafShopARN   = "arn:aws:wafv2:us-east-1:111111111111:regional/webacl/shop-alb/5c0a8f3e-7d21-4b6a-9e4f-1a2b3c4d5e6f"
	wafOrdersARN = "arn:aws:wafv2:us-east-1:111111111111:regional/webacl/orders-api/3f2e1d0c-9b8a-4765-a4b3-c2d1e0f9a8b7"
	wafEdgeARN   = "arn:aws:wafv2:us-east-1:111111111111:global/webacl/cloudfront-edge/8f14e45f-ceea-467f-a0e6-b1c2d3e4f5a6"
	wafShopALB   = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/shop-alb/088459381710a56c"
)

// Every operation round-trips the world's web ACLs through the SDK:
// listings per scope, the full ACL, its logging, the ACL protecting a
// resource, and its tags; the absent cases answer as WAF does.
func TestWAFv2RoundTrip(t *testing.T) {
	w := fragmentWorld(t, "wafv2")
	world := w.Account(fragmentAccount).worldOf("wafv2", "us-east-1").(*wafv2World).WebACLs
	cfg, _ := testCloud(t, w)
	client := wafv2.NewFromConfig(cfg)
	ctx := context.Background()

	regional, err := client.ListWebACLs(ctx, &wafv2.ListWebACLsInput{Scope: waftypes.ScopeRegional})
	if err != nil {
		t.Fatal(err)
	}
	if len(regional.WebACLs) != 2 || aws.ToString(regional.WebACLs[0].ARN) != wafShopARN || aws.ToString(regional.WebACLs[1].ARN) != wafOrdersARN ||
		regional.WebACLs[0].LockToken == nil || regional.NextMarker != nil {
		t.Errorf("regional ACLs: %+v", regional.WebACLs)
	}
	edge, err := client.ListWebACLs(ctx, &wafv2.ListWebACLsInput{Scope: waftypes.ScopeCloudfront})
	if err != nil {
		t.Fatal(err)
	}
	if len(edge.WebACLs) != 1 || aws.ToString(edge.WebACLs[0].ARN) != wafEdgeARN {
		t.Errorf("CloudFront ACLs: %+v", edge.WebACLs)
	}
	_, err = client.ListWebACLs(ctx, &wafv2.ListWebACLsInput{Scope: waftypes.ScopeCloudfront}, func(o *wafv2.Options) { o.Region = "eu-west-1" })
	var invalid *waftypes.WAFInvalidParameterException
	if !errors.As(err, &invalid) {
		t.Errorf("CLOUDFRONT outside us-east-1: want WAFInvalidParameterException, got %v", err)
	}

	for i, sum := range append(regional.WebACLs, edge.WebACLs...) {
		scope := waftypes.ScopeRegional
		if i == 2 {
			scope = waftypes.ScopeCloudfront
		}
		got, err := client.GetWebACL(ctx, &wafv2.GetWebACLInput{Id: sum.Id, Name: sum.Name, Scope: scope})
		if err != nil {
			t.Fatal(err)
		}
		want := world[i].WebACL
		want.ARN = sum.ARN
		sameJSON(t, "GetWebACL "+aws.ToString(sum.Name), got.WebACL, want)
		if aws.ToString(got.LockToken) != aws.ToString(sum.LockToken) {
			t.Errorf("lock tokens differ: %s %s", aws.ToString(got.LockToken), aws.ToString(sum.LockToken))
		}
	}
	var missing *waftypes.WAFNonexistentItemException
	if _, err := client.GetWebACL(ctx, &wafv2.GetWebACLInput{Id: aws.String("00000000-0000-0000-0000-000000000000"), Name: aws.String("gone"), Scope: waftypes.ScopeRegional}); !errors.As(err, &missing) {
		t.Errorf("unknown ACL: want WAFNonexistentItemException, got %v", err)
	}

	logging, err := client.GetLoggingConfiguration(ctx, &wafv2.GetLoggingConfigurationInput{ResourceArn: aws.String(wafShopARN)})
	if err != nil {
		t.Fatal(err)
	}
	wantLog := *world[0].Logging
	wantLog.ResourceArn = aws.String(wafShopARN)
	sameJSON(t, "GetLoggingConfiguration", logging.LoggingConfiguration, wantLog)
	if _, err := client.GetLoggingConfiguration(ctx, &wafv2.GetLoggingConfigurationInput{ResourceArn: aws.String(wafOrdersARN)}); !errors.As(err, &missing) {
		t.Errorf("ACL without logging: want WAFNonexistentItemException, got %v", err)
	}

	forALB, err := client.GetWebACLForResource(ctx, &wafv2.GetWebACLForResourceInput{ResourceArn: aws.String(wafShopALB)})
	if err != nil || forALB.WebACL == nil || aws.ToString(forALB.WebACL.ARN) != wafShopARN {
		t.Errorf("shop-alb's ACL: %+v %v", forALB, err)
	}
	none, err := client.GetWebACLForResource(ctx, &wafv2.GetWebACLForResourceInput{
		ResourceArn: aws.String("arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web-alb/50dc6c495c0c9188")})
	if err != nil || none.WebACL != nil {
		t.Errorf("unprotected ALB: want a null web ACL, got %+v %v", none, err)
	}

	tags, err := client.ListTagsForResource(ctx, &wafv2.ListTagsForResourceInput{ResourceARN: aws.String(wafEdgeARN)})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "ListTagsForResource", tags.TagInfoForResource, waftypes.TagInfoForResource{ResourceARN: aws.String(wafEdgeARN), TagList: world[2].Tags})
}

// ListWebACLs pages by the Limit asked, 100 at most, with NextMarker.
func TestWAFv2Pages(t *testing.T) {
	w := fragmentWorld(t, "wafv2")
	big := &wafv2World{}
	for i := range 150 {
		big.WebACLs = append(big.WebACLs, wafWebACL{WebACL: waftypes.WebACL{Name: aws.String(fmt.Sprintf("acl-%03d", i)), DefaultAction: &waftypes.DefaultAction{Allow: &waftypes.AllowAction{}}}})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "wafv2", big)
	cfg, _ := testCloud(t, w)
	client := wafv2.NewFromConfig(cfg, func(o *wafv2.Options) { o.Region = "eu-west-1" })
	for _, tc := range []struct {
		limit int32
		pages int
	}{{100, 2}, {500, 2}, {40, 4}} {
		var marker *string
		var names []string
		pages := 0
		for {
			out, err := client.ListWebACLs(context.Background(), &wafv2.ListWebACLsInput{Scope: waftypes.ScopeRegional, Limit: aws.Int32(tc.limit), NextMarker: marker})
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, s := range out.WebACLs {
				names = append(names, aws.ToString(s.Name))
			}
			if out.NextMarker == nil {
				break
			}
			marker = out.NextMarker
		}
		if pages != tc.pages || len(names) != 150 || names[149] != "acl-149" {
			t.Errorf("limit %d: %d pages, %d ACLs", tc.limit, pages, len(names))
		}
	}
	_, err := client.ListWebACLs(context.Background(), &wafv2.ListWebACLsInput{Scope: waftypes.ScopeRegional, NextMarker: aws.String("bogus")})
	var invalid *waftypes.WAFInvalidParameterException
	if !errors.As(err, &invalid) {
		t.Errorf("bad marker: want WAFInvalidParameterException, got %v", err)
	}
}

// The collector reads both scopes in us-east-1, the regional one
// elsewhere, and each ACL's rules, logging and tags.
func TestWAFv2Collect(t *testing.T) {
	w := fragmentWorld(t, "wafv2")
	res := collectClean(t, w, "wafv2")
	acls := byKind(res.Resources)["aws.wafv2.web_acl"]
	if len(acls) != 4 {
		t.Fatalf("want 4 web ACLs, got %d", len(acls))
	}
	attrs := func(name string) *model.WAFv2WebACL { return acls[name].Attributes.(*model.WAFv2WebACL) }
	if a := attrs("shop-alb"); !a.LoggingEnabled || a.DefaultAction != "allow" || a.Rules != 3 || a.RateBasedRules != 1 ||
		fmt.Sprint(a.ManagedRuleGroups) != "[AWS/AWSManagedRulesCommonRuleSet AWS/AWSManagedRulesKnownBadInputsRuleSet]" ||
		acls["shop-alb"].ID != wafShopARN || acls["shop-alb"].Tags["team"] != "shop" {
		t.Errorf("shop-alb: %+v %+v", acls["shop-alb"], a)
	}
	if a := attrs("orders-api"); a.LoggingEnabled || a.Rules != 1 || len(a.ManagedRuleGroups) != 0 || a.Scope != "REGIONAL" {
		t.Errorf("orders-api: %+v", a)
	}
	if a := attrs("cloudfront-edge"); a.Scope != "CLOUDFRONT" || a.DefaultAction != "block" || !a.LoggingEnabled || acls["cloudfront-edge"].Region != "us-east-1" {
		t.Errorf("cloudfront-edge: %+v", a)
	}
	if a := attrs("FMManagedWebACLV2-eu-baseline-1731000000000"); !a.ManagedByFirewallManager || a.Rules != 0 {
		t.Errorf("Firewall Manager ACL: %+v", a)
	}
}

// The ELB collector asks WAF which ACL protects each application load
// balancer: shop-alb is protected, web-alb is not.
func TestWAFv2ProtectsLoadBalancers(t *testing.T) {
	if _, err := os.Stat("testdata/world/elbv2.yaml"); err != nil {
		t.Skip("no elbv2 fragment")
	}
	w := fragmentWorld(t, "wafv2", "elbv2")
	res, srv := collect(t, w, "elbv2")
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	if n := srv.Stats().Operations["wafv2:GetWebACLForResource"]; n == 0 {
		t.Errorf("GetWebACLForResource never called")
	}
	lbs := byKind(res.Resources)["aws.elbv2.load_balancer"]
	if lb := lbs["shop-alb"]; lb == nil || lb.Attributes.(*model.ELBv2LoadBalancer).WAFWebACL != wafShopARN {
		t.Errorf("shop-alb is not protected by %s: %+v", wafShopARN, lb)
	}
	if lb := lbs["web-alb"]; lb == nil || lb.Attributes.(*model.ELBv2LoadBalancer).WAFWebACL != "" {
		t.Errorf("web-alb: %+v", lb)
	}
}
