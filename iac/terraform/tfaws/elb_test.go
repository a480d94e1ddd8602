package tfaws

import (
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

func TestLoadBalancerListenersAndWAF(t *testing.T) {
	lb := inst("aws_lb", "web", map[string]any{"name": "web", "access_logs": []any{map[string]any{"bucket": "logs"}}}, nil)
	ref := map[string][]string{"load_balancer_arn": {"aws_lb.web"}}
	http := inst("aws_lb_listener", "http", map[string]any{"load_balancer_arn": instance.Unknown, "port": 80.0,
		"default_action": []any{map[string]any{"type": "redirect", "redirect": []any{map[string]any{"protocol": "HTTPS", "port": "443"}}}}}, ref)
	https := inst("aws_alb_listener", "https", map[string]any{"load_balancer_arn": instance.Unknown, "port": 443.0, "protocol": "HTTPS",
		"default_action": []any{map[string]any{"type": "forward"}}}, ref)
	waf := inst("aws_wafv2_web_acl_association", "web", map[string]any{"resource_arn": instance.Unknown, "web_acl_arn": instance.Unknown},
		map[string][]string{"resource_arn": {"aws_lb.web"}, "web_acl_arn": {"aws_wafv2_web_acl.main"}})
	rs := Map([]*instance.Instance{lb, http, https, waf}, model.SourceTerraform)
	a := rs[0].Attributes.(*model.ELBv2LoadBalancer)
	if a.Type != "application" || !a.InternetFacing || a.AccessLogsEnabled || a.DropInvalidHeaderFields {
		t.Errorf("defaults: %+v", a)
	}
	if len(a.Listeners) != 2 {
		t.Fatalf("listeners: %+v", a.Listeners)
	}
	if l := a.Listeners[0]; l.Protocol != "HTTP" || l.DefaultAction != "redirect" || l.RedirectProto != "HTTPS" {
		t.Errorf("http listener: %+v", l)
	}
	if l := a.Listeners[1]; l.SSLPolicy != "ELBSecurityPolicy-2016-08" || l.DefaultAction != "forward" {
		t.Errorf("https listener: %+v", l)
	}
	if a.WAFWebACL != "aws_wafv2_web_acl.main" {
		t.Errorf("waf: %q", a.WAFWebACL)
	}
}

func TestClassicELB(t *testing.T) {
	elb := inst("aws_elb", "old", map[string]any{"name": "old",
		"listener":    []any{map[string]any{"lb_port": 80.0, "lb_protocol": "http", "instance_port": 8080.0, "instance_protocol": "http"}},
		"access_logs": []any{map[string]any{"bucket": "logs"}}}, nil)
	rs := Map([]*instance.Instance{elb}, model.SourceTerraform)
	a := rs[0].Attributes.(*model.ELBLoadBalancer)
	if !a.InternetFacing || !a.AccessLogsEnabled || a.Listeners[0].Protocol != "HTTP" || a.Listeners[0].Port != 80 {
		t.Errorf("classic: %+v", a)
	}
}
