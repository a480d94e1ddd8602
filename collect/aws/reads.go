package aws

import (
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/vigil-sec/vigil/model"
)

// A read call fills some attributes of one resource. When it fails, what
// it fills must stay unknown, never the empty value the attribute struct
// starts with: an unread bucket policy is not "no policy", and a rule
// reading it must give no verdict. The framework does this, not each
// service: a service names what each call fills, and reads marks those
// paths unknown when the call fails and names the resource in the
// collection error.

// reads gathers the outcome of one resource's read calls.
type reads struct {
	s       *scope
	id      string
	unknown []string
}

// reads starts the read calls of the resource with this id.
func (s *scope) reads(id string) *reads { return &reads{s: s, id: id} }

// call runs one read call that fills the attribute paths fills
// (model.TagsPath for the tags). fn returns nil when the call answered,
// including the answers that mean "not configured" (NoSuchBucketPolicy),
// which fn turns into the attribute's effective value itself.
func (r *reads) call(op string, fills []string, fn func() error) bool {
	err := fn()
	if err == nil {
		return true
	}
	r.s.failResource(op, r.id, err)
	r.unknown = append(r.unknown, fills...)
	return false
}

// unread marks paths unknown without a call of their own: what a failed
// call would have decided them from.
func (r *reads) unread(paths ...string) { r.unknown = append(r.unknown, paths...) }

// add records the resource, with whatever its failed calls left unknown.
func (r *reads) add(kind, name string, attrs any, raw any, tags map[string]string, rels ...model.Relation) *model.Resource {
	res := r.s.add(r.id, kind, name, attrs, raw, tags, rels...)
	for _, p := range r.unknown {
		res.MarkUnknown(p)
	}
	return res
}

// kindFills names, by kind, the attribute paths a call fills on every
// resource of that kind in a unit; a kind with no paths is one the call
// lists (its resources are unread when the call fails).
type kindFills map[string][]string

// readKind runs one call about every resource of some kinds in this unit:
// a listing, or a join such as DescribeFlowLogs for every VPC. When it
// fails, the error names the kinds, and the paths stay unknown on every
// resource of those kinds the unit emits, before or after the call.
func (s *scope) readKind(op string, fills kindFills, fn func() error) bool {
	err := fn()
	if err == nil {
		return true
	}
	kinds := make([]string, 0, len(fills))
	s.mu.Lock()
	if s.kindUnknown == nil {
		s.kindUnknown = map[string][]string{}
	}
	for k, paths := range fills {
		kinds = append(kinds, k)
		s.kindUnknown[k] = append(s.kindUnknown[k], paths...)
	}
	s.mu.Unlock()
	sort.Strings(kinds)
	s.c.failKinds(s.account, s.region, s.service, op, kinds, err)
	return false
}

// markKindUnknown applies what failed readKind calls left unknown to the
// unit's resources.
func (s *scope) markKindUnknown() {
	for _, r := range s.out {
		for _, p := range s.kindUnknown[r.Kind] {
			r.MarkUnknown(p)
		}
	}
}

// addTags adds a tag list to m, made when the list is not empty, so a
// resource without tags keeps nil tags; kv gives an entry's key and value
// (each SDK has its own tag type).
func addTags[T any](m map[string]string, list []T, kv func(T) (key, value *string)) map[string]string {
	for _, t := range list {
		if m == nil {
			m = make(map[string]string, len(list))
		}
		k, v := kv(t)
		m[aws.ToString(k)] = aws.ToString(v)
	}
	return m
}
