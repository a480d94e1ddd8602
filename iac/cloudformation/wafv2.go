package cloudformation

import (
	"strconv"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::WAFv2::WebACL", model.KindWAFv2WebACL, func(b *builder) {
		a := model.KindWAFv2WebACL.Must(b.target)
		a.Name = b.nameProp("Name")
		a.Scope = b.str("Scope", "scope", "")
		switch {
		case b.has("DefaultAction.Block"):
			a.DefaultAction = "block"
		case b.has("DefaultAction.Allow"):
			a.DefaultAction = "allow"
		}
		a.Rules = b.count("Rules", "rules")
		for i := 0; i < a.Rules; i++ {
			st := "Rules[" + strconv.Itoa(i) + "].Statement"
			if b.has(st + ".RateBasedStatement") {
				a.RateBasedRules++
			}
			if mg := st + ".ManagedRuleGroupStatement"; b.has(mg) {
				a.ManagedRuleGroups = append(a.ManagedRuleGroups, b.str(mg+".VendorName", "", "")+"/"+b.str(mg+".Name", "", ""))
			}
		}
		// Logging is a separate resource; none joined means none.
		a.LoggingEnabled = false
	})
	child("AWS::WAFv2::LoggingConfiguration", func(c *builder) {
		for _, p := range c.parentsOf("ResourceArn", "AWS::WAFv2::WebACL") {
			c.onto(p)
			model.KindWAFv2WebACL.Must(c.target).LoggingEnabled = true
		}
	})
	child("AWS::WAFv2::WebACLAssociation", func(c *builder) {
		acl := c.str("WebACLArn", "", "")
		for _, p := range c.parentsOf("ResourceArn", "AWS::ElasticLoadBalancingV2::LoadBalancer") {
			c.onto(p)
			model.KindELBv2LoadBalancer.Must(c.target).WAFWebACL = c.str("WebACLArn", "waf_web_acl", "")
			c.relate(model.RelProtectedBy, acl)
		}
		for _, p := range c.parentsOf("ResourceArn", "AWS::AppSync::GraphQLApi") {
			c.onto(p)
			model.KindAppSyncGraphQLAPI.Must(c.target).WAFWebACL = refOrStr(c, "WebACLArn", "waf_web_acl")
			c.relate(model.RelProtectedBy, acl)
		}
		// API Gateway stages are associated by an ARN ending in
		// /stages/<name>.
		arn := c.str("ResourceArn", "", "")
		if i := strings.LastIndex(arn, "/stages/"); i >= 0 {
			stage := arn[i+len("/stages/"):]
			for _, p := range c.t.built {
				if p.res.typ == "AWS::ApiGateway::Stage" && (p.r.Name == stage || p.res.id == stage) {
					c.onto(p)
					p.children = append(p.children, c.res)
					model.KindAPIGatewayStage.Must(c.target).WAFWebACL = c.str("WebACLArn", "waf_web_acl", "")
					c.relate(model.RelProtectedBy, acl)
				}
			}
		}
	})
}
