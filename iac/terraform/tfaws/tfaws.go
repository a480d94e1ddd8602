// Package tfaws maps evaluated Terraform AWS resource instances (from HCL or
// a plan) to normalized resources. Resources that Terraform splits (a bucket
// and its ACL, policy, encryption ...) are joined into the one kind a live
// collector produces, so each rule is written once.
package tfaws

import (
	"slices"
	"sort"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// parentMapper turns one Terraform resource instance into a normalized
// resource. It fills every attribute with its effective value (applying the
// provider's defaults) and marks unknowns.
type parentMapper struct {
	kind string
	fn   func(b *Builder)
}

// childMapper folds a dependent resource (e.g. aws_s3_bucket_acl) into its
// parent. parentAttr names the child's attribute that identifies the parent
// (e.g. "bucket"); parentTypes are the Terraform types it may point at.
type childMapper struct {
	parentTypes []string
	parentAttr  string
	fn          func(parent *Builder, child *Child)
}

var (
	parents  = map[string]parentMapper{}
	children = map[string][]childMapper{}
)

// registerParent declares how a Terraform type becomes a normalized kind.
func registerParent(tfType string, kind model.AnyKind, fn func(b *Builder)) {
	parents[tfType] = parentMapper{kind: kind.Name(), fn: fn}
}

// registerHelper declares a Terraform type that is no kind of its own
// but is kept while mapping for the finishers (an instance profile, an
// elastic IP); b.drop removes it from the output.
func registerHelper(tfType string, fn func(b *Builder)) {
	parents[tfType] = parentMapper{fn: fn}
}

// registerChild declares how a dependent Terraform type joins its parent.
func registerChild(tfType, parentAttr string, parentTypes []string, fn func(parent *Builder, child *Child)) {
	children[tfType] = append(children[tfType], childMapper{parentTypes: parentTypes, parentAttr: parentAttr, fn: fn})
}

// Maps reports whether a Terraform type has a mapping: it becomes a kind,
// or joins one. Instances of other types are not judged; the scan counts
// them.
func Maps(tfType string) bool {
	_, parent := parents[tfType]
	return parent || len(children[tfType]) > 0
}

// KindsOf lists the kinds instances of these Terraform types become,
// sorted: the types that map to a kind of their own (a type that joins
// another, such as aws_s3_bucket_acl, adds none; its parent's does).
func KindsOf(tfTypes []string) []string {
	var kinds []string
	for _, t := range tfTypes {
		if k := parents[t].kind; k != "" && !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	sort.Strings(kinds)
	return kinds
}

// Map maps instances to normalized resources. Data sources and types with
// no mapping are skipped; a child whose parent is not in the input is
// dropped (its parent lives elsewhere and is judged there).
func Map(insts []*instance.Instance, source string) []*model.Resource {
	var builders []*Builder
	byType := map[string][]*Builder{}
	for _, in := range insts {
		if in.Mode == "data" {
			continue
		}
		pm, ok := parents[in.Type]
		if !ok {
			continue
		}
		b := newBuilder(in, pm.kind, source)
		pm.fn(b)
		builders = append(builders, b)
		byType[in.Type] = append(byType[in.Type], b)
	}
	for _, in := range insts {
		if in.Mode == "data" {
			continue
		}
		for _, cm := range children[in.Type] {
			if p := findParent(in, cm, byType); p != nil {
				c := newBuilder(in, "", source)
				c.target = p.R
				p.R.Ignores = append(p.R.Ignores, in.Ignores...)
				cm.fn(p, c)
				break
			}
		}
	}
	for _, fin := range finishers {
		fin(builders)
	}
	// What a configuration does not declare about the account or region is
	// not known, not off.
	for _, b := range builders {
		if model.KindAWSAccount.Is(b.R) || model.KindAWSRegion.Is(b.R) {
			b.R.MarkNullUnknown()
		}
	}
	out := make([]*model.Resource, 0, len(builders))
	for _, b := range builders {
		if b.drop {
			continue
		}
		sort.Strings(b.R.Unknown)
		out = append(out, b.R)
	}
	return out
}

// finishers run after all joins, for facts that need the whole set (e.g. a
// VPC's flow logs, account-level singletons).
var finishers []func(all []*Builder)

func findParent(child *instance.Instance, cm childMapper, byType map[string][]*Builder) *Builder {
	// A visible reference wins: bucket = aws_s3_bucket.logs.id.
	for _, ref := range child.Refs[cm.parentAttr] {
		for _, t := range cm.parentTypes {
			for _, p := range byType[t] {
				if p.In.BaseAddress() == ref && sameInstanceKey(p.In, child) {
					return p
				}
			}
		}
	}
	// Otherwise join by value: the child names its parent by name, id or arn.
	v, ok := child.Values[cm.parentAttr].(string)
	if !ok || v == "" {
		return nil
	}
	for _, t := range cm.parentTypes {
		for _, p := range byType[t] {
			// The evaluator's id and arn placeholders name one instance
			// globally, so they join across module outputs too.
			if v == p.In.Address+".id" || v == p.In.Address+".arn" {
				return p
			}
			if p.In.Module != child.Module {
				continue
			}
			for _, id := range p.identities() {
				if id == v {
					return p
				}
			}
		}
	}
	return nil
}

// sameInstanceKey pairs counted children with counted parents
// (aws_s3_bucket_acl.a[1] -> aws_s3_bucket.b[1]); when only one side is
// expanded, any instance matches.
func sameInstanceKey(p, c *instance.Instance) bool {
	if p.Key == nil || c.Key == nil {
		return true
	}
	return p.Key == c.Key
}

// identities are the strings by which other resources of the same module
// may name this one.
func (b *Builder) identities() []string {
	var out []string
	for _, k := range []string{"id", "arn", "name", "bucket", "function_name", "name_prefix"} {
		if s, ok := b.In.Values[k].(string); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

// resourceID is the IaC id: file:address.
func resourceID(in *instance.Instance) string {
	return in.File + ":" + in.Address
}
