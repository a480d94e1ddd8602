package aws

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing/types"

	"github.com/vigil-sec/vigil/model"
)

func TestELBOperations(t *testing.T) {
	w := fragmentWorld(t, "elb")
	ew := w.Account(fragmentAccount).worldOf("elb", "us-east-1").(*elbWorld)
	cfg, _ := testCloud(t, w)
	client := elb.NewFromConfig(cfg)
	ctx := context.Background()

	out, err := client.DescribeLoadBalancers(ctx, &elb.DescribeLoadBalancersInput{})
	if err != nil {
		t.Fatal(err)
	}
	var want []elbtypes.LoadBalancerDescription
	for _, lb := range ew.LoadBalancers {
		want = append(want, lb.LoadBalancerDescription)
	}
	sameJSON(t, "DescribeLoadBalancers", out.LoadBalancerDescriptions, want)
	named, err := client.DescribeLoadBalancers(ctx, &elb.DescribeLoadBalancersInput{LoadBalancerNames: []string{"internal-api"}})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeLoadBalancers internal-api", named.LoadBalancerDescriptions, want[1:])

	// legacy-web has AWS's default attributes but for desync mitigation;
	// internal-api its own, with the defaults for what it leaves out.
	desync := func(mode string) []elbtypes.AdditionalAttribute {
		return []elbtypes.AdditionalAttribute{{Key: aws.String("elb.http.desyncmitigationmode"), Value: aws.String(mode)}}
	}
	for name, wantAttrs := range map[string]*elbtypes.LoadBalancerAttributes{
		"legacy-web": {AccessLog: &elbtypes.AccessLog{}, ConnectionDraining: &elbtypes.ConnectionDraining{Timeout: aws.Int32(300)},
			ConnectionSettings: &elbtypes.ConnectionSettings{IdleTimeout: aws.Int32(60)}, CrossZoneLoadBalancing: &elbtypes.CrossZoneLoadBalancing{},
			AdditionalAttributes: desync("monitor")},
		"internal-api": {AccessLog: ew.LoadBalancers[1].Attributes.AccessLog, ConnectionDraining: ew.LoadBalancers[1].Attributes.ConnectionDraining,
			ConnectionSettings: &elbtypes.ConnectionSettings{IdleTimeout: aws.Int32(60)}, CrossZoneLoadBalancing: &elbtypes.CrossZoneLoadBalancing{Enabled: true},
			AdditionalAttributes: desync("defensive")},
	} {
		a, err := client.DescribeLoadBalancerAttributes(ctx, &elb.DescribeLoadBalancerAttributesInput{LoadBalancerName: aws.String(name)})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "DescribeLoadBalancerAttributes "+name, a.LoadBalancerAttributes, wantAttrs)
	}

	tags, err := client.DescribeTags(ctx, &elb.DescribeTagsInput{LoadBalancerNames: []string{"legacy-web", "internal-api"}})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeTags", tags.TagDescriptions, []elbtypes.TagDescription{
		{LoadBalancerName: aws.String("legacy-web"), Tags: []elbtypes.Tag{{Key: aws.String("env"), Value: aws.String("prod")}, {Key: aws.String("team"), Value: aws.String("legacy")}}},
		{LoadBalancerName: aws.String("internal-api"), Tags: []elbtypes.Tag{}},
	})

	for _, tc := range []struct {
		what string
		call func() error
		code string
	}{
		{"a missing load balancer", func() error {
			_, err := client.DescribeLoadBalancers(ctx, &elb.DescribeLoadBalancersInput{LoadBalancerNames: []string{"nope"}})
			return err
		}, "LoadBalancerNotFound"},
		{"attributes of a missing load balancer", func() error {
			_, err := client.DescribeLoadBalancerAttributes(ctx, &elb.DescribeLoadBalancerAttributesInput{LoadBalancerName: aws.String("nope")})
			return err
		}, "LoadBalancerNotFound"},
		{"tags of 21 load balancers", func() error {
			names := make([]string, 21)
			for i := range names {
				names[i] = "legacy-web"
			}
			_, err := client.DescribeTags(ctx, &elb.DescribeTagsInput{LoadBalancerNames: names})
			return err
		}, "ValidationError"},
		{"PageSize 401", func() error {
			_, err := client.DescribeLoadBalancers(ctx, &elb.DescribeLoadBalancersInput{PageSize: aws.Int32(401)})
			return err
		}, "ValidationError"},
	} {
		if code := apiCode(tc.call()); code != tc.code {
			t.Errorf("%s: %q, want %s", tc.what, code, tc.code)
		}
	}
}

// DescribeLoadBalancers pages 400 by default, or PageSize.
func TestELBPages(t *testing.T) {
	w := fragmentWorld(t, "elb")
	big := &elbWorld{}
	for i := range 450 {
		big.LoadBalancers = append(big.LoadBalancers, elbLoadBalancer{LoadBalancerDescription: elbtypes.LoadBalancerDescription{
			LoadBalancerName: aws.String(fmt.Sprintf("lb-%03d", i))}})
	}
	w.Account(fragmentAccount).Set("us-east-1", "elb", big)
	cfg, _ := testCloud(t, w)
	client := elb.NewFromConfig(cfg)
	for _, tc := range []struct {
		size  int32
		pages string
	}{{0, "[400 50]"}, {150, "[150 150 150]"}} {
		in := &elb.DescribeLoadBalancersInput{}
		if tc.size > 0 {
			in.PageSize = aws.Int32(tc.size)
		}
		var sizes []int
		var last string
		p := elb.NewDescribeLoadBalancersPaginator(client, in)
		for p.HasMorePages() {
			page, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, len(page.LoadBalancerDescriptions))
			last = aws.ToString(page.LoadBalancerDescriptions[len(page.LoadBalancerDescriptions)-1].LoadBalancerName)
		}
		if fmt.Sprint(sizes) != tc.pages || last != "lb-449" {
			t.Errorf("PageSize %d: pages %v, last %s", tc.size, sizes, last)
		}
	}
}

func TestELBCollector(t *testing.T) {
	w := fragmentWorld(t, "elb")
	res, srv := collect(t, w, "elb")
	if st := srv.Stats(); len(st.Unhandled) > 0 {
		t.Errorf("unhandled: %v", st.Unhandled)
	}
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	lbs := byKind(res.Resources)["aws.elb.load_balancer"]
	legacy, internal := lbs["legacy-web"], lbs["internal-api"]
	if legacy == nil || internal == nil || len(lbs) != 2 {
		t.Fatalf("load balancers: %v", lbs)
	}
	la := legacy.Attributes.(*model.ELBLoadBalancer)
	sameJSON(t, "legacy-web", la, &model.ELBLoadBalancer{Name: "legacy-web", InternetFacing: true, Listeners: []model.LBListener{
		{Port: 80, Protocol: "HTTP"}, {Port: 443, Protocol: "HTTPS"}}, DesyncMitigationMode: "monitor",
		AvailabilityZones: []string{"us-east-1a", "us-east-1b"}, Subnets: []string{"subnet-0123456789abcdef0", "subnet-0fedcba9876543210"}})
	if legacy.ID != "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/legacy-web" || legacy.Tags["env"] != "prod" ||
		len(legacy.Relations) != 3 {
		t.Errorf("legacy-web: %+v", legacy)
	}
	sameJSON(t, "internal-api", internal.Attributes, &model.ELBLoadBalancer{Name: "internal-api", AccessLogsEnabled: true,
		Listeners: []model.LBListener{{Port: 443, Protocol: "SSL"}}, ConnectionDraining: true, CrossZone: true, DesyncMitigationMode: "defensive",
		AvailabilityZones: []string{"us-east-1b"}, Subnets: []string{"subnet-0aa11bb22cc33dd44"}})
}
