package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

// EventBridge: AWS::Events::EventBus (with its Policy), joined by
// AWS::Events::EventBusPolicy statements, becomes aws.eventbridge.event_bus.
func init() {
	parent("AWS::Events::EventBus", model.KindEventBridgeEventBus, func(b *builder) {
		a := model.KindEventBridgeEventBus.Must(b.target)
		if n := b.str("Name", "", ""); n != "" {
			b.r.Name = n
		}
		a.Policy = b.policy("Policy", "policy")
	})
	child("AWS::Events::EventBusPolicy", func(c *builder) {
		for _, p := range c.parentsOf("EventBusName", "AWS::Events::EventBus") {
			c.onto(p)
			a := model.KindEventBridgeEventBus.Must(c.target)
			var doc *model.PolicyDocument
			if st, ok := c.get("Statement"); ok {
				c.locate("Statement", "policy")
				if containsUnknown(st, 0) {
					// Where the statement lands among the bus's others is
					// not known: the policy as a whole is unknown.
					c.target.MarkUnknown("policy")
					continue
				}
				// One statement, as the property holds it.
				doc, _ = model.PolicyDocumentFromValue(map[string]any{"Version": "2012-10-17", "Statement": []any{st}})
			} else {
				// The older form: Principal (an account id or "*"), Action
				// and an optional Condition {Type, Key, Value}.
				principal := c.str("Principal", "policy", "")
				stmt := map[string]any{"Effect": "Allow", "Action": c.str("Action", "policy", "events:PutEvents")}
				if principal == "*" {
					stmt["Principal"] = "*"
				} else {
					stmt["Principal"] = map[string]any{"AWS": principal}
				}
				if c.has("Condition") {
					stmt["Condition"] = map[string]any{c.str("Condition.Type", "policy", "StringEquals"): map[string]any{
						c.str("Condition.Key", "policy", ""): c.str("Condition.Value", "policy", "")}}
				}
				if principal != "" && !c.target.IsUnknown("policy") {
					doc, _ = model.PolicyDocumentFromValue(map[string]any{"Statement": []any{stmt}})
				}
			}
			if doc == nil {
				continue
			}
			if a.Policy == nil {
				a.Policy = &model.PolicyDocument{Version: "2012-10-17"}
			}
			a.Policy.Statements = append(a.Policy.Statements, doc.Statements...)
			c.locate("", "policy")
		}
	})
}
