package tfaws

import "strings"

// addrIndex finds builders by the address a reference names, within a
// module (module|address).
type addrIndex map[string]*Builder

func indexAddresses(all []*Builder) addrIndex {
	idx := addrIndex{}
	for _, b := range all {
		idx[b.In.Module+"|"+b.In.BaseAddress()] = b
	}
	return idx
}

// refs are the builders of the given Terraform types that b's attribute
// references (alarm_actions = [aws_sns_topic.alerts.arn]).
func (idx addrIndex) refs(b *Builder, attr string, types ...string) []*Builder {
	var out []*Builder
	for _, r := range b.In.Refs[attr] {
		p := idx[b.In.Module+"|"+r]
		if p == nil {
			continue
		}
		for _, t := range types {
			if p.In.Type == t {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// placeholderOf is the builder a placeholder value ("aws_sns_topic.a.arn",
// what the evaluator leaves for an attribute known after apply) stands
// for, if it is one of all.
func placeholderOf(all []*Builder, v string, types ...string) *Builder {
	for _, b := range all {
		for _, t := range types {
			if b.In.Type == t && strings.HasPrefix(v, b.In.Address+".") {
				return b
			}
		}
	}
	return nil
}
