package tfaws

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// Load balancers: aws_lb/aws_alb with their listeners and WAF association,
// and classic aws_elb with inline listeners.
func init() {
	lbTypes := []string{"aws_lb", "aws_alb"}
	for _, t := range lbTypes {
		registerParent(t, model.KindELBv2LoadBalancer, mapLB)
	}
	for _, t := range []string{"aws_lb_listener", "aws_alb_listener"} {
		registerChild(t, "load_balancer_arn", lbTypes, func(p *Builder, c *Child) {
			a := model.KindELBv2LoadBalancer.Must(p.R)
			base := model.Path("listeners", len(a.Listeners))
			defProto := "HTTP"
			if a.Type == "network" {
				defProto = "TCP"
			}
			l := model.LBListener{
				Port:     c.Int("port", base+".port", 0),
				Protocol: strings.ToUpper(c.String("protocol", base+".protocol", defProto)),
			}
			if a.Type == "gateway" && !c.Has("protocol") {
				l.Protocol = "GENEVE"
			}
			if l.Protocol == "HTTPS" || l.Protocol == "TLS" {
				// The provider documents ELBSecurityPolicy-2016-08 as the
				// policy used when none is given.
				l.SSLPolicy = c.String("ssl_policy", base+".ssl_policy", "ELBSecurityPolicy-2016-08")
			}
			l.DefaultAction, l.RedirectProto = readDefaultAction(c, l.Protocol, base)
			locateBlock(c, base)
			a.Listeners = append(a.Listeners, l)
		})
	}
	wafChild := func(aclAttr string) func(p *Builder, c *Child) {
		return func(p *Builder, c *Child) {
			a := model.KindELBv2LoadBalancer.Must(p.R)
			acl := c.String(aclAttr, "", "")
			if acl == "" {
				// Not known before apply, but an association exists.
				if refs := c.In.Refs[aclAttr]; len(refs) > 0 {
					acl = refs[0]
				} else {
					acl = "(associated)"
				}
			}
			a.WAFWebACL = acl
			locateBlock(c, "waf_web_acl")
			p.R.Relations = append(p.R.Relations, model.Relation{Type: model.RelProtectedBy, Target: acl})
		}
	}
	registerChild("aws_wafv2_web_acl_association", "resource_arn", lbTypes, wafChild("web_acl_arn"))
	registerChild("aws_wafregional_web_acl_association", "resource_arn", lbTypes, wafChild("web_acl_id"))

	registerParent("aws_elb", model.KindELBLoadBalancer, func(b *Builder) {
		a := model.KindELBLoadBalancer.Must(b.R)
		a.Name = b.String("name", "name", "")
		if a.Name != "" {
			b.R.Name = a.Name
		}
		a.InternetFacing = !b.Bool("internal", "internet_facing", false)
		for i := range b.Blocks("listener") {
			tf := model.Path("listener", i)
			base := model.Path("listeners", i)
			a.Listeners = append(a.Listeners, model.LBListener{
				Port:     b.Int(tf+".lb_port", base+".port", 0),
				Protocol: strings.ToUpper(b.String(tf+".lb_protocol", base+".protocol", "")),
			})
			b.locate(tf, base)
		}
		// Classic ELB access_logs.enabled defaults to true inside the block.
		if b.Has("access_logs") {
			a.AccessLogsEnabled = b.Bool("access_logs[0].enabled", "access_logs_enabled", true)
		}
		// The provider's defaults: draining off, cross-zone on (the
		// provider's choice; the API's own default is off), defensive.
		a.ConnectionDraining = b.Bool("connection_draining", "connection_draining", false)
		a.CrossZone = b.Bool("cross_zone_load_balancing", "cross_zone_load_balancing", true)
		a.DesyncMitigationMode = b.String("desync_mitigation_mode", "desync_mitigation_mode", "defensive")
		a.Subnets = b.Strings("subnets", "subnets")
		if a.Subnets == nil {
			a.Subnets = []string{}
		}
		a.AvailabilityZones = b.Strings("availability_zones", "availability_zones")
		if a.AvailabilityZones == nil {
			a.AvailabilityZones = []string{}
		}
	})
}

func mapLB(b *Builder) {
	a := model.KindELBv2LoadBalancer.Must(b.R)
	a.Name = b.String("name", "name", "")
	if a.Name != "" {
		b.R.Name = a.Name
	}
	a.Type = b.String("load_balancer_type", "type", "application")
	a.InternetFacing = !b.Bool("internal", "internet_facing", false)
	// aws_lb access_logs.enabled defaults to false even with a bucket.
	a.AccessLogsEnabled = b.Bool("access_logs[0].enabled", "access_logs_enabled", false)
	a.DropInvalidHeaderFields = b.Bool("drop_invalid_header_fields", "drop_invalid_header_fields", false)
	a.DeletionProtection = b.Bool("enable_deletion_protection", "deletion_protection", false)
	a.SecurityGroups = b.Strings("security_groups", "security_groups")
	if a.Type == "application" {
		a.DesyncMitigationMode = b.String("desync_mitigation_mode", "desync_mitigation_mode", "defensive")
	}
	a.Subnets = b.Strings("subnets", "subnets")
	for i := range b.Blocks("subnet_mapping") {
		if s := b.String(model.Path("subnet_mapping", i)+".subnet_id", "subnets", ""); s != "" {
			a.Subnets = append(a.Subnets, s)
		}
	}
}

// readDefaultAction returns the type of the listener's first default
// action (lowest order) and, for a redirect, the protocol it redirects to
// ("#{protocol}", the default, keeps the listener's own).
func readDefaultAction(c *Child, proto, base string) (string, string) {
	actions := c.Blocks("default_action")
	if len(actions) == 0 {
		return "", ""
	}
	best := 0
	for i, act := range actions {
		if o, ok := act["order"].(float64); ok {
			if bo, ok := actions[best]["order"].(float64); !ok || o < bo {
				best = i
			}
		}
	}
	tf := model.Path("default_action", best)
	typ := c.String(tf+".type", base+".default_action", "")
	if typ != "redirect" {
		return typ, ""
	}
	rp := c.String(tf+".redirect[0].protocol", base+".redirect_protocol", "#{protocol}")
	if rp == "#{protocol}" {
		rp = proto
	}
	return typ, strings.ToUpper(rp)
}
