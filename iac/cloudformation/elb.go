package cloudformation

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::ElasticLoadBalancingV2::LoadBalancer", model.KindELBv2LoadBalancer, func(b *builder) {
		a := model.KindELBv2LoadBalancer.Must(b.target)
		a.Name = b.str("Name", "name", "")
		if a.Name != "" {
			b.r.Name = a.Name
		}
		a.Type = b.str("Type", "type", "application")
		a.InternetFacing = b.str("Scheme", "internet_facing", "internet-facing") == "internet-facing"
		a.SecurityGroups = b.strs("SecurityGroups", "security_groups")
		if a.SecurityGroups == nil {
			a.SecurityGroups = []string{}
		}
		for _, sg := range a.SecurityGroups {
			b.relate(model.RelProtectedBy, sg)
		}
		a.Subnets = b.strs("Subnets", "subnets")
		n := b.count("SubnetMappings", "subnets")
		for i := 0; i < n; i++ {
			if s := b.str(model.Path("SubnetMappings", i, "SubnetId"), "subnets", ""); s != "" {
				a.Subnets = append(a.Subnets, s)
			}
		}
		if a.Subnets == nil {
			a.Subnets = []string{}
		}
		for _, s := range a.Subnets {
			b.relate(model.RelInSubnet, s)
		}
		a.Listeners = []model.LBListener{}
		if a.Type == "application" {
			a.DesyncMitigationMode = "defensive"
		}
		n = b.count("LoadBalancerAttributes", "")
		for i := 0; i < n; i++ {
			p := model.Path("LoadBalancerAttributes", i)
			var target *bool
			var mp string
			switch b.str(p+".Key", "", "") {
			case "access_logs.s3.enabled":
				target, mp = &a.AccessLogsEnabled, "access_logs_enabled"
			case "routing.http.drop_invalid_header_fields.enabled":
				target, mp = &a.DropInvalidHeaderFields, "drop_invalid_header_fields"
			case "deletion_protection.enabled":
				target, mp = &a.DeletionProtection, "deletion_protection"
			case "routing.http.desync_mitigation_mode":
				if a.Type == "application" {
					a.DesyncMitigationMode = b.str(p+".Value", "desync_mitigation_mode", "defensive")
				}
				continue
			default:
				continue
			}
			*target = b.boolean(p+".Value", mp, false)
		}
	})
	child("AWS::ElasticLoadBalancingV2::Listener", func(c *builder) {
		for _, p := range c.parentsOf("LoadBalancerArn", "AWS::ElasticLoadBalancingV2::LoadBalancer") {
			c.onto(p)
			a := model.KindELBv2LoadBalancer.Must(c.target)
			mp := model.Path("listeners", len(a.Listeners))
			defProto := "HTTP"
			if a.Type == "network" {
				defProto = "TCP"
			}
			l := model.LBListener{
				Port:     c.integer("Port", mp+".port", 0),
				Protocol: strings.ToUpper(c.str("Protocol", mp+".protocol", defProto)),
			}
			if l.Protocol == "HTTPS" || l.Protocol == "TLS" {
				// The API's default security policy when none is given.
				l.SSLPolicy = c.str("SslPolicy", mp+".ssl_policy", "ELBSecurityPolicy-2016-08")
			}
			l.DefaultAction = c.str("DefaultActions[0].Type", mp+".default_action", "")
			if l.DefaultAction == "redirect" {
				l.RedirectProto = strings.ToUpper(c.str("DefaultActions[0].RedirectConfig.Protocol", mp+".redirect_protocol", "#{protocol}"))
				if l.RedirectProto == "#{PROTOCOL}" {
					l.RedirectProto = l.Protocol
				}
			}
			c.locate("", mp)
			a.Listeners = append(a.Listeners, l)
		}
	})

	parent("AWS::ElasticLoadBalancing::LoadBalancer", model.KindELBLoadBalancer, func(b *builder) {
		a := model.KindELBLoadBalancer.Must(b.target)
		a.Name = b.str("LoadBalancerName", "name", "")
		if a.Name != "" {
			b.r.Name = a.Name
		}
		a.InternetFacing = b.str("Scheme", "internet_facing", "internet-facing") == "internet-facing"
		a.AccessLogsEnabled = b.boolean("AccessLoggingPolicy.Enabled", "access_logs_enabled", false)
		// CloudFormation's defaults: draining off, cross-zone off. The
		// template has no desync setting: the API's default, defensive.
		a.ConnectionDraining = b.boolean("ConnectionDrainingPolicy.Enabled", "connection_draining", false)
		a.CrossZone = b.boolean("CrossZone", "cross_zone_load_balancing", false)
		a.DesyncMitigationMode = "defensive"
		a.Subnets = b.strs("Subnets", "subnets")
		a.AvailabilityZones = b.strs("AvailabilityZones", "availability_zones")
		a.Listeners = []model.LBListener{}
		n := b.count("Listeners", "listeners")
		for i := 0; i < n; i++ {
			p, mp := model.Path("Listeners", i), model.Path("listeners", i)
			l := model.LBListener{
				Port:          b.integer(p+".LoadBalancerPort", mp+".port", 0),
				Protocol:      strings.ToUpper(b.str(p+".Protocol", mp+".protocol", "")),
				DefaultAction: "forward",
			}
			if pols := b.strs(p+".PolicyNames", mp+".ssl_policy"); len(pols) > 0 {
				l.SSLPolicy = pols[0]
			}
			b.locate(p, mp)
			a.Listeners = append(a.Listeners, l)
		}
	})
}
