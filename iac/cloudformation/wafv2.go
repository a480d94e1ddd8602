package cloudformation

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

func init() {
	child("AWS::WAFv2::WebACLAssociation", func(c *builder) {
		acl := c.str("WebACLArn", "", "")
		for _, p := range c.parentsOf("ResourceArn", "AWS::ElasticLoadBalancingV2::LoadBalancer") {
			c.onto(p)
			model.KindELBv2LoadBalancer.Must(c.target).WAFWebACL = c.str("WebACLArn", "waf_web_acl", "")
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
