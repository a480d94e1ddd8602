package terraform

import (
	"encoding/json"

	"github.com/zclconf/go-cty/cty"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
)

// policyDocumentJSON renders data.aws_iam_policy_document's statement
// blocks into the IAM JSON the provider would compute, so that policies
// built with it are judged like inline JSON. Any unknown input makes the
// document unknown, as in Terraform.
// source_policy_documents and override_policy_documents are not merged.
func policyDocumentJSON(attrs map[string]cty.Value) cty.Value {
	in := toAny(cty.ObjectVal(attrs))
	if containsUnknown(in) {
		return cty.UnknownVal(cty.String)
	}
	m, _ := in.(map[string]any)
	type stmt struct {
		Sid          string         `json:"Sid,omitempty"`
		Effect       string         `json:"Effect"`
		Action       any            `json:"Action,omitempty"`
		NotAction    any            `json:"NotAction,omitempty"`
		Resource     any            `json:"Resource,omitempty"`
		NotResource  any            `json:"NotResource,omitempty"`
		Principal    any            `json:"Principal,omitempty"`
		NotPrincipal any            `json:"NotPrincipal,omitempty"`
		Condition    map[string]any `json:"Condition,omitempty"`
	}
	doc := struct {
		Version   string `json:"Version"`
		ID        string `json:"Id,omitempty"`
		Statement []stmt `json:"Statement"`
	}{Version: "2012-10-17", Statement: []stmt{}}
	if v, ok := m["version"].(string); ok && v != "" {
		doc.Version = v
	}
	if v, ok := m["policy_id"].(string); ok {
		doc.ID = v
	}
	for _, s := range instance.Blocks(m["statement"]) {
		st := stmt{Effect: "Allow"}
		if v, ok := s["effect"].(string); ok && v != "" {
			st.Effect = v
		}
		st.Sid, _ = s["sid"].(string)
		st.Action = oneOrMany(s["actions"])
		st.NotAction = oneOrMany(s["not_actions"])
		st.Resource = oneOrMany(s["resources"])
		st.NotResource = oneOrMany(s["not_resources"])
		st.Principal = principals(s["principals"])
		st.NotPrincipal = principals(s["not_principals"])
		for _, c := range instance.Blocks(s["condition"]) {
			test, _ := c["test"].(string)
			variable, _ := c["variable"].(string)
			if test == "" || variable == "" {
				continue
			}
			if st.Condition == nil {
				st.Condition = map[string]any{}
			}
			byVar, _ := st.Condition[test].(map[string]any)
			if byVar == nil {
				byVar = map[string]any{}
				st.Condition[test] = byVar
			}
			byVar[variable] = oneOrMany(c["values"])
		}
		doc.Statement = append(doc.Statement, st)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return cty.UnknownVal(cty.String)
	}
	return cty.StringVal(string(b))
}

// oneOrMany renders a list as IAM does: one element as a plain string.
func oneOrMany(v any) any {
	switch l := v.(type) {
	case []any:
		if len(l) == 0 {
			return nil
		}
		if len(l) == 1 {
			return l[0]
		}
		return l
	case string:
		return l
	}
	return nil
}

func principals(v any) any {
	blocks := instance.Blocks(v)
	if len(blocks) == 0 {
		return nil
	}
	out := map[string]any{}
	for _, p := range blocks {
		typ, _ := p["type"].(string)
		ids, _ := p["identifiers"].([]any)
		if typ == "*" {
			return "*"
		}
		if prev, ok := out[typ].([]any); ok {
			ids = append(prev, ids...)
		}
		out[typ] = ids
	}
	for k, ids := range out {
		out[k] = oneOrMany(ids)
	}
	return out
}

func containsUnknown(v any) bool {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if containsUnknown(e) {
				return true
			}
		}
	case map[string]any:
		for _, e := range x {
			if containsUnknown(e) {
				return true
			}
		}
	default:
		return instance.IsUnknown(x)
	}
	return false
}
