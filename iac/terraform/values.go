package terraform

import (
	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/zclconf/go-cty/cty"
)

// toValues converts evaluated attributes to the instance form: null
// attributes are omitted, unknowns become instance.Unknown.
func toValues(attrs map[string]cty.Value) map[string]any {
	out := make(map[string]any, len(attrs))
	for k, v := range attrs {
		if a := toAny(v); a != nil {
			out[k] = a
		}
	}
	return out
}

// toAny converts one cty value; marks (sensitive) are dropped.
func toAny(v cty.Value) any {
	if v.IsMarked() {
		v, _ = v.UnmarkDeep()
	}
	if !v.IsKnown() {
		return instance.Unknown
	}
	if v.IsNull() {
		return nil
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString()
	case ty == cty.Number:
		f, _ := v.AsBigFloat().Float64()
		return f
	case ty == cty.Bool:
		return v.True()
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		out := make([]any, 0, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			out = append(out, toAny(e))
		}
		return out
	case ty.IsMapType() || ty.IsObjectType():
		out := make(map[string]any, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if a := toAny(e); a != nil {
				out[k.AsString()] = a
			}
		}
		return out
	}
	return nil
}
