package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing/types"
	elbv2 "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbv2types "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	"github.com/aws/aws-sdk-go-v2/service/wafv2"
	waftypes "github.com/aws/aws-sdk-go-v2/service/wafv2/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestELBv2AgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	cfg := srv.Config(t, "us-east-1")
	ctx := context.Background()
	ec2c, client, waf := ec2.NewFromConfig(cfg), elbv2.NewFromConfig(cfg), wafv2.NewFromConfig(cfg)

	vpc, err := ec2c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/16")})
	if err != nil {
		t.Fatal(err)
	}
	var subnets []string
	for i, az := range []string{"us-east-1a", "us-east-1b"} {
		sn, err := ec2c.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: vpc.Vpc.VpcId, AvailabilityZone: aws.String(az),
			CidrBlock: aws.String([]string{"10.0.1.0/24", "10.0.2.0/24"}[i])})
		if err != nil {
			t.Fatal(err)
		}
		subnets = append(subnets, aws.ToString(sn.Subnet.SubnetId))
	}
	arns := map[string]*string{}
	for _, name := range []string{"web-open", "web-safe"} {
		out, err := client.CreateLoadBalancer(ctx, &elbv2.CreateLoadBalancerInput{Name: aws.String(name), Subnets: subnets,
			Scheme: elbv2types.LoadBalancerSchemeEnumInternetFacing, Type: elbv2types.LoadBalancerTypeEnumApplication,
			Tags: []elbv2types.Tag{{Key: aws.String("app"), Value: aws.String(name)}}})
		if err != nil {
			t.Fatal(err)
		}
		arns[name] = out.LoadBalancers[0].LoadBalancerArn
	}
	if _, err := client.CreateListener(ctx, &elbv2.CreateListenerInput{LoadBalancerArn: arns["web-open"], Port: aws.Int32(80),
		Protocol: elbv2types.ProtocolEnumHttp, DefaultActions: []elbv2types.Action{{Type: elbv2types.ActionTypeEnumFixedResponse,
			FixedResponseConfig: &elbv2types.FixedResponseActionConfig{StatusCode: aws.String("200")}}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateListener(ctx, &elbv2.CreateListenerInput{LoadBalancerArn: arns["web-safe"], Port: aws.Int32(80),
		Protocol: elbv2types.ProtocolEnumHttp, DefaultActions: []elbv2types.Action{{Type: elbv2types.ActionTypeEnumRedirect,
			RedirectConfig: &elbv2types.RedirectActionConfig{Protocol: aws.String("HTTPS"), Port: aws.String("443"),
				StatusCode: elbv2types.RedirectActionStatusCodeEnumHttp301}}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.ModifyLoadBalancerAttributes(ctx, &elbv2.ModifyLoadBalancerAttributesInput{LoadBalancerArn: arns["web-safe"],
		Attributes: []elbv2types.LoadBalancerAttribute{
			{Key: aws.String("routing.http.drop_invalid_header_fields.enabled"), Value: aws.String("true")},
			{Key: aws.String("deletion_protection.enabled"), Value: aws.String("true")},
			{Key: aws.String("access_logs.s3.enabled"), Value: aws.String("true")},
			{Key: aws.String("access_logs.s3.bucket"), Value: aws.String("lb-logs")},
		}}); err != nil {
		t.Fatal(err)
	}
	acl, err := waf.CreateWebACL(ctx, &wafv2.CreateWebACLInput{Name: aws.String("edge"), Scope: waftypes.ScopeRegional,
		DefaultAction:    &waftypes.DefaultAction{Allow: &waftypes.AllowAction{}},
		VisibilityConfig: &waftypes.VisibilityConfig{MetricName: aws.String("edge"), CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := waf.AssociateWebACL(ctx, &wafv2.AssociateWebACLInput{ResourceArn: arns["web-safe"], WebACLArn: acl.Summary.ARN}); err != nil {
		t.Fatal(err)
	}

	res := collectMoto(t, srv, []string{"elbv2"})
	noErrors(t, res)
	lbs := byKind(res, "aws.elbv2.load_balancer")
	open, safe := lbs["web-open"], lbs["web-safe"]
	if open == nil || safe == nil {
		t.Fatalf("load balancers: %v", lbs)
	}
	if open.ID != aws.ToString(arns["web-open"]) || open.Tags["app"] != "web-open" || len(open.Raw) == 0 {
		t.Errorf("identity: %+v", open)
	}
	oa := open.Attributes.(*model.ELBv2LoadBalancer)
	if oa.Type != "application" || !oa.InternetFacing || len(oa.Listeners) != 1 || oa.WAFWebACL != "" ||
		oa.AccessLogsEnabled || oa.DropInvalidHeaderFields || oa.DeletionProtection || len(oa.Subnets) != 2 {
		t.Errorf("web-open: %+v", oa)
	}
	if l := oa.Listeners[0]; l.Port != 80 || l.Protocol != "HTTP" || l.DefaultAction != "fixed-response" || l.RedirectProto != "" {
		t.Errorf("web-open listener: %+v", l)
	}
	sa := safe.Attributes.(*model.ELBv2LoadBalancer)
	if sa.WAFWebACL != aws.ToString(acl.Summary.ARN) || !sa.AccessLogsEnabled || !sa.DropInvalidHeaderFields || !sa.DeletionProtection {
		t.Errorf("web-safe: %+v", sa)
	}
	if l := sa.Listeners[0]; l.DefaultAction != "redirect" || l.RedirectProto != "HTTPS" {
		t.Errorf("web-safe listener: %+v", l)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-ELB-001", "AWS-ELB-002", "AWS-ELB-004", "AWS-ELB-005"} {
		if !fails["web-open"][id] || fails["web-safe"][id] {
			t.Errorf("%s: web-open %v, web-safe %v", id, fails["web-open"], fails["web-safe"])
		}
	}
}

func TestELBv2ListenerNormalization(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   elbv2types.Listener
		want model.LBListener
	}{
		{"redirect keeps protocol", elbv2types.Listener{Port: aws.Int32(80), Protocol: "HTTP", DefaultActions: []elbv2types.Action{
			{Type: "redirect", RedirectConfig: &elbv2types.RedirectActionConfig{Protocol: aws.String("#{protocol}")}}}},
			model.LBListener{Port: 80, Protocol: "HTTP", DefaultAction: "redirect", RedirectProto: "HTTP"}},
		{"lowest order wins", elbv2types.Listener{Port: aws.Int32(443), Protocol: "HTTPS", SslPolicy: aws.String("ELBSecurityPolicy-2016-08"),
			DefaultActions: []elbv2types.Action{{Type: "forward", Order: aws.Int32(2)}, {Type: "authenticate-oidc", Order: aws.Int32(1)}}},
			model.LBListener{Port: 443, Protocol: "HTTPS", SSLPolicy: "ELBSecurityPolicy-2016-08", DefaultAction: "authenticate-oidc"}},
		{"no actions", elbv2types.Listener{Port: aws.Int32(53), Protocol: "UDP"}, model.LBListener{Port: 53, Protocol: "UDP"}},
	} {
		if got := elbv2Listener(tc.in); got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestELBClassicAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := elb.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	for name, l := range map[string]elbtypes.Listener{
		"classic-http": {Protocol: aws.String("HTTP"), LoadBalancerPort: 80, InstancePort: aws.Int32(8080)},
		"classic-tls":  {Protocol: aws.String("TCP"), LoadBalancerPort: 443, InstancePort: aws.Int32(8443)},
	} {
		if _, err := client.CreateLoadBalancer(ctx, &elb.CreateLoadBalancerInput{LoadBalancerName: aws.String(name),
			Listeners: []elbtypes.Listener{l}, AvailabilityZones: []string{"us-east-1a"},
			Tags: []elbtypes.Tag{{Key: aws.String("app"), Value: aws.String(name)}}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := client.ModifyLoadBalancerAttributes(ctx, &elb.ModifyLoadBalancerAttributesInput{LoadBalancerName: aws.String("classic-tls"),
		LoadBalancerAttributes: &elbtypes.LoadBalancerAttributes{AccessLog: &elbtypes.AccessLog{Enabled: true,
			S3BucketName: aws.String("lb-logs"), EmitInterval: aws.Int32(5)}}}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"elb"})
	noErrors(t, res)
	lbs := byKind(res, "aws.elb.load_balancer")
	h, s := lbs["classic-http"], lbs["classic-tls"]
	if h == nil || s == nil {
		t.Fatalf("classic: %v", lbs)
	}
	if h.ID != "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/classic-http" || h.Tags["app"] != "classic-http" {
		t.Errorf("identity: %+v", h)
	}
	ha := h.Attributes.(*model.ELBLoadBalancer)
	if !ha.InternetFacing || ha.AccessLogsEnabled || len(ha.Listeners) != 1 || ha.Listeners[0] != (model.LBListener{Port: 80, Protocol: "HTTP"}) {
		t.Errorf("classic-http: %+v", ha)
	}
	if sa := s.Attributes.(*model.ELBLoadBalancer); !sa.AccessLogsEnabled || sa.Listeners[0].Protocol != "TCP" {
		t.Errorf("classic-tls: %+v", sa)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-ELB-004", "AWS-ELB-006"} {
		if !fails["classic-http"][id] || fails["classic-tls"][id] {
			t.Errorf("%s: http %v, tls %v", id, fails["classic-http"], fails["classic-tls"])
		}
	}
}
