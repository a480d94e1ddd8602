package aws

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	elbv2 "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbv2types "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"

	"github.com/vigil-sec/vigil/model"
)

func TestELBv2Operations(t *testing.T) {
	w := fragmentWorld(t, "elbv2")
	ew := w.Account(fragmentAccount).worldOf("elbv2", "us-east-1").(*elbv2World)
	cfg, _ := testCloud(t, w)
	client := elbv2.NewFromConfig(cfg)
	ctx := context.Background()

	out, err := client.DescribeLoadBalancers(ctx, &elbv2.DescribeLoadBalancersInput{})
	if err != nil {
		t.Fatal(err)
	}
	var want []elbv2types.LoadBalancer
	for _, lb := range ew.LoadBalancers {
		want = append(want, lb.LoadBalancer)
	}
	// db-proxy-nlb has no ARN in the world: it gets a stable one.
	nlbARN := *out.LoadBalancers[2].LoadBalancerArn
	if id, ok := strings.CutPrefix(nlbARN, "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/db-proxy-nlb/"); !ok || len(id) != 16 {
		t.Errorf("made-up NLB ARN %s", nlbARN)
	}
	want[2].LoadBalancerArn = &nlbARN
	sameJSON(t, "DescribeLoadBalancers", out.LoadBalancers, want)
	byName, err := client.DescribeLoadBalancers(ctx, &elbv2.DescribeLoadBalancersInput{Names: []string{"shop-alb"}})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeLoadBalancers shop-alb", byName.LoadBalancers, want[1:2])
	byARN, err := client.DescribeLoadBalancers(ctx, &elbv2.DescribeLoadBalancersInput{LoadBalancerArns: []string{nlbARN}})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeLoadBalancers by ARN", byARN.LoadBalancers, want[2:])

	// Listeners: the world's, with their load balancer's ARN and their own.
	for i, lb := range want {
		ls, err := client.DescribeListeners(ctx, &elbv2.DescribeListenersInput{LoadBalancerArn: lb.LoadBalancerArn})
		if err != nil {
			t.Fatal(err)
		}
		wantLs := append([]elbv2types.Listener(nil), ew.LoadBalancers[i].Listeners...)
		for j := range wantLs {
			wantLs[j].LoadBalancerArn = lb.LoadBalancerArn
			if wantLs[j].ListenerArn == nil {
				wantLs[j].ListenerArn = ls.Listeners[j].ListenerArn
			}
			if arn := aws.ToString(wantLs[j].ListenerArn); !strings.HasPrefix(arn, strings.Replace(*lb.LoadBalancerArn, ":loadbalancer/", ":listener/", 1)+"/") {
				t.Errorf("listener ARN %s of %s", arn, *lb.LoadBalancerArn)
			}
		}
		sameJSON(t, "DescribeListeners "+*lb.LoadBalancerName, ls.Listeners, wantLs)
	}
	web := ew.LoadBalancers[0].Listeners[0]
	one, err := client.DescribeListeners(ctx, &elbv2.DescribeListenersInput{ListenerArns: []string{*web.ListenerArn}})
	if err != nil || len(one.Listeners) != 1 || *one.Listeners[0].Port != 80 {
		t.Errorf("DescribeListeners by ARN: %v %v", one, err)
	}

	// Attributes: AWS's defaults for the type, overridden by the world's.
	attrs := func(arn *string) map[string]string {
		a, err := client.DescribeLoadBalancerAttributes(ctx, &elbv2.DescribeLoadBalancerAttributesInput{LoadBalancerArn: arn})
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, at := range a.Attributes {
			m[*at.Key] = *at.Value
		}
		return m
	}
	webAttrs := maps.Clone(elbv2Defaults["application"])
	webAttrs["routing.http.desync_mitigation_mode"] = "monitor"
	sameJSON(t, "attributes of web-alb", attrs(want[0].LoadBalancerArn), webAttrs)
	shop := attrs(want[1].LoadBalancerArn)
	if shop["access_logs.s3.enabled"] != "true" || shop["access_logs.s3.bucket"] != "acme-alb-logs" ||
		shop["routing.http.drop_invalid_header_fields.enabled"] != "true" || shop["routing.http2.enabled"] != "true" {
		t.Errorf("attributes of shop-alb: %v", shop)
	}
	sameJSON(t, "attributes of db-proxy-nlb", attrs(&nlbARN), elbv2Defaults["network"])

	tags, err := client.DescribeTags(ctx, &elbv2.DescribeTagsInput{ResourceArns: []string{*want[0].LoadBalancerArn, nlbARN}})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeTags", tags.TagDescriptions, []elbv2types.TagDescription{
		{ResourceArn: want[0].LoadBalancerArn, Tags: []elbv2types.Tag{{Key: aws.String("env"), Value: aws.String("prod")}, {Key: aws.String("team"), Value: aws.String("web")}}},
		{ResourceArn: &nlbARN, Tags: []elbv2types.Tag{}},
	})

	missing := aws.String("arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/nope/0123456789abcdef")
	for _, tc := range []struct {
		what string
		call func() error
		code string
	}{
		{"a missing load balancer by name", func() error {
			_, err := client.DescribeLoadBalancers(ctx, &elbv2.DescribeLoadBalancersInput{Names: []string{"web-alb", "nope"}})
			return err
		}, "LoadBalancerNotFound"},
		{"listeners of a missing load balancer", func() error {
			_, err := client.DescribeListeners(ctx, &elbv2.DescribeListenersInput{LoadBalancerArn: missing})
			return err
		}, "LoadBalancerNotFound"},
		{"a missing listener", func() error {
			_, err := client.DescribeListeners(ctx, &elbv2.DescribeListenersInput{ListenerArns: []string{"arn:aws:elasticloadbalancing:us-east-1:111111111111:listener/app/nope/0123456789abcdef/0123456789abcdef"}})
			return err
		}, "ListenerNotFound"},
		{"attributes of a missing load balancer", func() error {
			_, err := client.DescribeLoadBalancerAttributes(ctx, &elbv2.DescribeLoadBalancerAttributesInput{LoadBalancerArn: missing})
			return err
		}, "LoadBalancerNotFound"},
		{"tags of a missing load balancer", func() error {
			_, err := client.DescribeTags(ctx, &elbv2.DescribeTagsInput{ResourceArns: []string{*missing}})
			return err
		}, "LoadBalancerNotFound"},
	} {
		if code := apiCode(tc.call()); code != tc.code {
			t.Errorf("%s: %q, want %s", tc.what, code, tc.code)
		}
	}
}

// DescribeLoadBalancers and DescribeListeners page 400 by default, or
// PageSize.
func TestELBv2Pages(t *testing.T) {
	w := fragmentWorld(t, "elbv2")
	big := &elbv2World{}
	for i := range 410 {
		big.LoadBalancers = append(big.LoadBalancers, elbv2LoadBalancer{LoadBalancer: elbv2types.LoadBalancer{
			LoadBalancerName: aws.String(fmt.Sprintf("alb-%03d", i))}})
	}
	for port := range int32(45) {
		big.LoadBalancers[0].Listeners = append(big.LoadBalancers[0].Listeners, elbv2types.Listener{Port: aws.Int32(8000 + port), Protocol: "HTTP"})
	}
	w.Account(fragmentAccount).Set("us-east-1", "elbv2", big)
	cfg, _ := testCloud(t, w)
	client := elbv2.NewFromConfig(cfg)
	ctx := context.Background()
	var first *string
	for _, tc := range []struct {
		size  int32
		pages string
	}{{0, "[400 10]"}, {100, "[100 100 100 100 10]"}} {
		in := &elbv2.DescribeLoadBalancersInput{}
		if tc.size > 0 {
			in.PageSize = aws.Int32(tc.size)
		}
		var sizes []int
		var last string
		p := elbv2.NewDescribeLoadBalancersPaginator(client, in)
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = page.LoadBalancers[0].LoadBalancerArn
			}
			sizes = append(sizes, len(page.LoadBalancers))
			last = aws.ToString(page.LoadBalancers[len(page.LoadBalancers)-1].LoadBalancerName)
		}
		if fmt.Sprint(sizes) != tc.pages || last != "alb-409" {
			t.Errorf("PageSize %d: pages %v, last %s", tc.size, sizes, last)
		}
	}
	var sizes []int
	p := elbv2.NewDescribeListenersPaginator(client, &elbv2.DescribeListenersInput{LoadBalancerArn: first, PageSize: aws.Int32(20)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(page.Listeners))
	}
	if fmt.Sprint(sizes) != "[20 20 5]" {
		t.Errorf("listener pages %v", sizes)
	}
}

func TestELBv2Collector(t *testing.T) {
	w := fragmentWorld(t, "elbv2")
	res, srv := collect(t, w, "elbv2")
	if st := srv.Stats(); len(st.Unhandled) > 0 {
		t.Errorf("unhandled: %v", st.Unhandled)
	}
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	lbs := byKind(res.Resources)["aws.elbv2.load_balancer"]
	if len(lbs) != 3 {
		t.Fatalf("load balancers: %v", lbs)
	}
	sameJSON(t, "web-alb", lbs["web-alb"].Attributes, &model.ELBv2LoadBalancer{Name: "web-alb", Type: "application", InternetFacing: true,
		Listeners: []model.LBListener{
			{Port: 80, Protocol: "HTTP", DefaultAction: "forward"},
			{Port: 443, Protocol: "HTTPS", SSLPolicy: "ELBSecurityPolicy-2016-08", DefaultAction: "forward"},
		},
		SecurityGroups: []string{"sg-0a0b0c0d0e0f01020"}, Subnets: []string{"subnet-0123456789abcdef0", "subnet-0fedcba9876543210"},
		DesyncMitigationMode: "monitor"})
	sameJSON(t, "shop-alb", lbs["shop-alb"].Attributes, &model.ELBv2LoadBalancer{Name: "shop-alb", Type: "application", InternetFacing: true,
		Listeners: []model.LBListener{
			{Port: 80, Protocol: "HTTP", DefaultAction: "redirect", RedirectProto: "HTTPS"},
			{Port: 443, Protocol: "HTTPS", SSLPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", DefaultAction: "forward"},
		},
		AccessLogsEnabled: true, DropInvalidHeaderFields: true, DeletionProtection: true,
		SecurityGroups: []string{"sg-0123abcd4567ef890"}, Subnets: []string{"subnet-0aa11bb22cc33dd44", "subnet-0ee55ff66aa77bb88"},
		DesyncMitigationMode: "defensive"})
	nlb := lbs["db-proxy-nlb"]
	sameJSON(t, "db-proxy-nlb", nlb.Attributes, &model.ELBv2LoadBalancer{Name: "db-proxy-nlb", Type: "network",
		Listeners: []model.LBListener{
			{Port: 443, Protocol: "TLS", SSLPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", DefaultAction: "forward"},
			{Port: 5432, Protocol: "TCP", DefaultAction: "forward"},
		},
		SecurityGroups: []string{}, Subnets: []string{"subnet-0123456789abcdef0"}})
	if web := lbs["web-alb"]; web.ID != "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web-alb/50dc6c495c0c9188" ||
		web.Tags["team"] != "web" || len(web.Relations) != 3 {
		t.Errorf("web-alb: %+v", web)
	}
}
