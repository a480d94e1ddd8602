package tfaws

import (
	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// EventBridge: aws_cloudwatch_event_bus, joined by its policy
// (aws_cloudwatch_event_bus_policy) and the statements that
// aws_cloudwatch_event_permission adds, becomes aws.eventbridge.event_bus.
func init() {
	busTypes := []string{"aws_cloudwatch_event_bus"}
	registerParent("aws_cloudwatch_event_bus", model.KindEventBridgeEventBus, func(b *Builder) {
		b.NameFrom("name")
	})
	registerChild("aws_cloudwatch_event_bus_policy", "event_bus_name", busTypes, func(p *Builder, c *Child) {
		a := model.KindEventBridgeEventBus.Must(p.R)
		a.Policy = c.Policy("policy", "policy")
	})
	registerChild("aws_cloudwatch_event_permission", "event_bus_name", busTypes, func(p *Builder, c *Child) {
		a := model.KindEventBridgeEventBus.Must(p.R)
		principal := c.String("principal", "policy", "")
		stmt := map[string]any{"Sid": c.String("statement_id", "", ""), "Effect": "Allow",
			"Action": c.String("action", "policy", "events:PutEvents")}
		if principal == "*" {
			stmt["Principal"] = "*"
		} else {
			stmt["Principal"] = map[string]any{"AWS": principal}
		}
		if conds := c.Blocks("condition"); len(conds) > 0 {
			cond := map[string]any{}
			for _, cd := range conds {
				key, k := cd["key"].(string)
				typ, t := cd["type"].(string)
				val, v := cd["value"].(string)
				if !k || !t || !v || instance.IsUnknown(cd["value"]) {
					c.Target().MarkUnknown("policy")
					continue
				}
				// The only type EventBridge takes is StringEquals.
				cond[typ] = map[string]any{key: val}
			}
			stmt["Condition"] = cond
		}
		if principal == "" || c.Target().IsUnknown("policy") {
			return
		}
		doc, err := model.PolicyDocumentFromValue(map[string]any{"Version": "2012-10-17", "Statement": []any{stmt}})
		if err != nil {
			c.Target().MarkUnknown("policy")
			return
		}
		if a.Policy == nil {
			a.Policy = &model.PolicyDocument{Version: "2012-10-17"}
		}
		a.Policy.Statements = append(a.Policy.Statements, doc.Statements...)
		locateBlock(c, "policy")
	})
}
