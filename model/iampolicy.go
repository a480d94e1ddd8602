package model

import (
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// PolicyDocument is an IAM-style policy (identity, resource or trust policy)
// in normalized form: every "one or many" field is a list, Principal "*" is
// {"AWS": ["*"]}, condition keys are lower-case.
type PolicyDocument struct {
	Version    string            `json:"version,omitempty"`
	Statements []PolicyStatement `json:"statements"`
}

// PolicyStatement is one statement of a PolicyDocument.
type PolicyStatement struct {
	Sid           string              `json:"sid,omitempty"`
	Effect        string              `json:"effect" doc:"Allow or Deny"`
	Principals    map[string][]string `json:"principals,omitempty" doc:"by type: AWS, Service, Federated, CanonicalUser"`
	NotPrincipals map[string][]string `json:"not_principals,omitempty"`
	Actions       []string            `json:"actions,omitempty"`
	NotActions    []string            `json:"not_actions,omitempty"`
	Resources     []string            `json:"resources,omitempty"`
	NotResources  []string            `json:"not_resources,omitempty"`
	Conditions    []PolicyCondition   `json:"conditions,omitempty"`
}

// PolicyCondition is one operator/key pair of a statement's Condition block.
type PolicyCondition struct {
	Operator string   `json:"operator" doc:"e.g. StringEquals, Bool, ArnLike"`
	Key      string   `json:"key" doc:"lower-case, e.g. aws:securetransport, sts:externalid"`
	Values   []string `json:"values"`
}

// ParsePolicyDocument parses a policy JSON text. It also accepts the
// URL-encoded form that IAM's APIs return.
func ParsePolicyDocument(text string) (*PolicyDocument, error) {
	text = strings.TrimSpace(text)
	if strings.HasPrefix(text, "%7B") || strings.HasPrefix(text, "%7b") {
		if dec, err := url.QueryUnescape(text); err == nil {
			text = dec
		}
	}
	var raw any
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		return nil, fmt.Errorf("policy document is not valid JSON: %w", err)
	}
	return PolicyDocumentFromValue(raw)
}

// PolicyDocumentFromValue normalizes an already decoded policy (maps, lists
// and strings as produced by encoding/json or a YAML decoder).
func PolicyDocumentFromValue(raw any) (*PolicyDocument, error) {
	m, ok := raw.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("policy document is not an object")
	}
	doc := &PolicyDocument{}
	if v, ok := m["Version"].(string); ok {
		doc.Version = v
	}
	var stmts []any
	switch s := m["Statement"].(type) {
	case []any:
		stmts = s
	case map[string]any:
		stmts = []any{s}
	case nil:
	default:
		return nil, fmt.Errorf("policy Statement is neither an object nor a list")
	}
	for i, s := range stmts {
		sm, ok := s.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("policy Statement[%d] is not an object", i)
		}
		st := PolicyStatement{
			Effect:        str(sm["Effect"]),
			Sid:           str(sm["Sid"]),
			Actions:       strList(sm["Action"]),
			NotActions:    strList(sm["NotAction"]),
			Resources:     strList(sm["Resource"]),
			NotResources:  strList(sm["NotResource"]),
			Principals:    principals(sm["Principal"]),
			NotPrincipals: principals(sm["NotPrincipal"]),
		}
		if c, ok := sm["Condition"].(map[string]any); ok {
			ops := sortedKeys(c)
			for _, op := range ops {
				keys, _ := c[op].(map[string]any)
				for _, k := range sortedKeys(keys) {
					st.Conditions = append(st.Conditions, PolicyCondition{
						Operator: op, Key: strings.ToLower(k), Values: strList(keys[k])})
				}
			}
		}
		doc.Statements = append(doc.Statements, st)
	}
	return doc, nil
}

func principals(v any) map[string][]string {
	switch p := v.(type) {
	case nil:
		return nil
	case string:
		return map[string][]string{"AWS": {p}}
	case map[string]any:
		out := map[string][]string{}
		for k, vv := range p {
			out[k] = strList(vv)
		}
		return out
	}
	return nil
}

func str(v any) string {
	switch s := v.(type) {
	case string:
		return s
	case nil:
		return ""
	case bool:
		if s {
			return "true"
		}
		return "false"
	case float64:
		return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%f", s), "0"), ".")
	}
	return fmt.Sprint(v)
}

func strList(v any) []string {
	switch s := v.(type) {
	case nil:
		return nil
	case []any:
		out := make([]string, 0, len(s))
		for _, e := range s {
			out = append(out, str(e))
		}
		return out
	case []string:
		return s
	}
	return []string{str(v)}
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
