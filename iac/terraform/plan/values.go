package plan

// Values puts attribute values decoded from Terraform's JSON (a plan's
// values, a state's attributes) in the instance form tfaws maps: null
// members dropped. It changes v in place and returns it.
func Values(v map[string]any) map[string]any {
	if v == nil {
		return map[string]any{}
	}
	out, _ := clean(v).(map[string]any)
	return out
}
