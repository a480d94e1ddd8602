package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/vigil-sec/vigil/collect"
	"github.com/vigil-sec/vigil/model"
)

// The read framework is collect's Recorder (collect/recorder.go): a
// service names what each call fills, and the recorder marks those paths
// unknown when the call fails, names the resource or kinds in the
// collection error and counts the unit partial or failed. These are the
// AWS service files' names for it.

// reads gathers the outcome of one resource's read calls.
type reads struct {
	s  *scope
	id string
	rd *collect.Reads
}

// reads starts the read calls of the resource with this id.
func (s *scope) reads(id string) *reads { return &reads{s: s, id: id, rd: s.rec.Reads(id)} }

// call runs one read call that fills the attribute paths fills
// (model.TagsPath for the tags). fn returns nil when the call answered,
// including the answers that mean "not configured" (NoSuchBucketPolicy),
// which fn turns into the attribute's effective value itself.
func (r *reads) call(op string, fills []string, fn func() error) bool {
	return r.rd.Call(op, fills, fn)
}

// unread marks paths unknown without a call of their own: what a failed
// call would have decided them from.
func (r *reads) unread(paths ...string) { r.rd.Unread(paths...) }

// add records the resource, with whatever its failed calls left unknown.
// It is handed on soon: it must not change after.
func (r *reads) add(ka model.KindAttrs, name string, raw any, tags map[string]string, rels ...model.Relation) *model.Resource {
	return r.rd.Add(r.s.resource(r.id, ka, name, raw, tags, rels))
}

// addIn is add for a resource of a global service that lives in a region
// (an S3 bucket).
func (r *reads) addIn(region string, ka model.KindAttrs, name string, raw any, tags map[string]string, rels ...model.Relation) *model.Resource {
	res := r.s.resource(r.id, ka, name, raw, tags, rels)
	res.Region = region
	return r.rd.Add(res)
}

// kindFills names, by kind, the attribute paths a call fills on every
// resource of that kind in a unit; a kind with no paths is one the call
// lists (its resources are unread when the call fails).
type kindFills = collect.KindFills

// readKind runs one call about every resource of some kinds in this unit:
// a listing, or a join such as DescribeFlowLogs for every VPC. When it
// fails, the error names the kinds, and the paths stay unknown on every
// resource of those kinds the unit emits, before or after the call.
func (s *scope) readKind(op string, fills kindFills, fn func() error) bool {
	return s.rec.ReadKind(op, fills, fn)
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
