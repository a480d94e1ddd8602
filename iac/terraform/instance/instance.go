// Package instance is the common form of an evaluated Terraform resource
// instance, whether it came from HCL or from a plan JSON, so that one
// mapper turns both into normalized resources.
package instance

import "github.com/vigil-sec/vigil/model"

// Instance is one resource instance after count/for_each expansion.
type Instance struct {
	// Address is the full address, e.g. module.net.aws_security_group.web["a"].
	Address string
	// Module is the module path ("" for the root), e.g. module.net.
	Module string
	Mode   string // "managed" or "data"
	Type   string // e.g. aws_s3_bucket
	Name   string // e.g. logs
	// Key is the count index (int) or for_each key (string); nil otherwise.
	Key any
	// Values holds attributes and nested blocks. Numbers are float64,
	// strings string, bools bool, lists []any, objects map[string]any,
	// nested blocks []any of map[string]any (as in plan JSON), null nil,
	// and values not known before apply are Unknown (also inside lists and
	// objects).
	Values map[string]any
	// File is the path of the file declaring the resource, relative to the
	// scan root; Range is the block's line range.
	File  string
	Range model.Location
	// AttrRanges maps attribute paths in Terraform naming to where they
	// are set: "acl", "versioning[0].enabled", "ingress[1].cidr_blocks".
	AttrRanges map[string]model.Location
	// Refs maps a top-level attribute name to the resources its expression
	// references, as addresses without instance keys and with the module
	// prefix: {"bucket": ["aws_s3_bucket.logs"]}.
	Refs map[string][]string
	// Ignores are the inline suppressions that belong to this block.
	Ignores []model.Ignore
	// Configured is set for plan instances whose configuration the plan
	// carries: the top-level arguments the configuration sets. An argument
	// it leaves out that the plan marks unknown is the provider's computed
	// default, not a value to come. Nil for HCL (Values holds exactly what
	// is configured) and for plans without configuration.
	Configured map[string]bool
}

type unknownValue struct{}

func (unknownValue) String() string { return "(known after apply)" }

// Unknown marks a value that cannot be known before apply.
var Unknown any = unknownValue{}

// IsUnknown reports whether v is Unknown.
func IsUnknown(v any) bool { _, ok := v.(unknownValue); return ok }

// BaseAddress is the address without instance keys, as configuration and
// references name the resource: module.a.aws_s3_bucket.b, data.x.y.
func (in *Instance) BaseAddress() string {
	a := in.Type + "." + in.Name
	if in.Mode == "data" {
		a = "data." + a
	}
	if in.Module != "" {
		a = in.Module + "." + a
	}
	return a
}

// Blocks returns the nested blocks in a value (a list of objects); other
// elements are skipped.
func Blocks(v any) []map[string]any {
	l, _ := v.([]any)
	out := make([]map[string]any, 0, len(l))
	for _, e := range l {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}
