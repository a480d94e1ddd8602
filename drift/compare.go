package drift

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// Change is one difference between two versions of a resource. Path is
// "attributes.<attribute path>", "tags.<key>" or "relations"; Old or New
// is absent (null) when the value did not exist on that side.
type Change struct {
	Path string `json:"path"`
	Old  any    `json:"old,omitempty"`
	New  any    `json:"new,omitempty"`
}

// Path prefixes of a Change.
const (
	attrPrefix = "attributes."
	tagPrefix  = "tags."
	relPath    = "relations"
)

// volatile are attribute paths that change by themselves, without anyone
// changing the resource: an access key's age and the days a password, key
// or root user went unused grow every day, and a key's last use and an SSM
// agent's ping follow traffic, not configuration.
// "[]" stands for any list index.
var volatile = map[string][]string{
	model.KindIAMUser.Name():            {"access_keys[].age_days", "access_keys[].last_used", "access_keys[].unused_days", "password_unused_days"},
	model.KindAWSAccount.Name():         {"root_password_used_days", "root_key_used_days"},
	model.KindSSMManagedInstance.Name(): {"ping_status"},
}

// compareOptions say what a comparison looks at besides attributes.
type compareOptions struct {
	tags      bool
	relations bool
	// skip are attribute paths left out ("[]" for any index).
	skip []string
	// same maps attribute paths to a function that puts a value in a form
	// both sides share before they are compared.
	same map[string]func(any) any
}

// compare lists the differences between two versions of one resource,
// and the paths it could not compare because they are unknown on either
// side (a failed read, a value Terraform does not know). An unknown path is
// never a change: neither side's value there is evidence.
func compare(before, after *model.Resource, opt compareOptions) (changes []Change, notCompared []string) {
	c := &comparer{before: before, after: after, volatile: append(volatile[after.Kind], opt.skip...), same: opt.same}
	// Most resources do not change between two scans: equal encodings
	// (encoding/json sorts map keys) need no walk.
	ja, jb := encode(before.Attributes), encode(after.Attributes)
	if !bytes.Equal(ja, jb) {
		c.walk("", decode(ja), decode(jb))
	}
	if opt.tags {
		if before.IsUnknown(model.TagsPath) || after.IsUnknown(model.TagsPath) {
			c.unknown = true
		} else {
			c.tags(before.Tags, after.Tags)
		}
	}
	if opt.relations {
		c.relations(before.Relations, after.Relations)
	}
	if c.unknown || len(before.Unknown) > 0 || len(after.Unknown) > 0 {
		// A path left out on purpose is not reported as not compared.
		for _, p := range unknownPaths(before, after) {
			if u, ok := strings.CutPrefix(p, attrPrefix); !ok || !c.isVolatile(u) {
				notCompared = append(notCompared, p)
			}
		}
	}
	return c.out, notCompared
}

type comparer struct {
	before, after *model.Resource
	volatile      []string
	same          map[string]func(any) any
	out           []Change
	unknown       bool
}

// walk compares a and b, the values at path (relative to attributes).
// Objects are compared member by member, lists of objects element by
// element, lists of plain values as sets (sources list security group ids,
// CIDR blocks and policy ARNs in no fixed order, and a Terraform state may
// name one policy twice), anything else as a whole.
func (c *comparer) walk(path string, a, b any) {
	if path != "" {
		if c.isVolatile(path) {
			return
		}
		if c.before.WhollyUnknown(path) || c.after.WhollyUnknown(path) {
			c.unknown = true
			return
		}
	}
	ma, aMap := a.(map[string]any)
	mb, bMap := b.(map[string]any)
	if aMap && bMap {
		keys := make([]string, 0, len(ma)+len(mb))
		for k := range ma {
			keys = append(keys, k)
		}
		for k := range mb {
			if _, dup := ma[k]; !dup {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			c.walk(model.Path(path, k), ma[k], mb[k])
		}
		return
	}
	la, aList := a.([]any)
	lb, bList := b.([]any)
	if aList && bList && (hasObjects(la) || hasObjects(lb)) {
		for i := 0; i < max(len(la), len(lb)); i++ {
			var x, y any
			if i < len(la) {
				x = la[i]
			}
			if i < len(lb) {
				y = lb[i]
			}
			c.walk(path+"["+strconv.Itoa(i)+"]", x, y)
		}
		return
	}
	if path != "" && (c.before.IsUnknown(path) || c.after.IsUnknown(path)) {
		c.unknown = true
		return
	}
	if f := c.same[anyIndex(path)]; f != nil && equal(f(a), f(b)) {
		return
	}
	if aList && bList && equal(asSet(la), asSet(lb)) {
		return
	}
	if equal(a, b) {
		return
	}
	c.out = append(c.out, Change{Path: attrPrefix + path, Old: a, New: b})
}

func (c *comparer) isVolatile(path string) bool {
	if len(c.volatile) == 0 {
		return false
	}
	p := anyIndex(path)
	for _, v := range c.volatile {
		if model.PathWithin(p, v) {
			return true
		}
	}
	return false
}

func (c *comparer) tags(a, b map[string]string) {
	keys := make([]string, 0, len(a)+len(b))
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, dup := a[k]; !dup {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		va, aok := a[k]
		vb, bok := b[k]
		if aok == bok && va == vb {
			continue
		}
		ch := Change{Path: tagPrefix + k}
		if aok {
			ch.Old = va
		}
		if bok {
			ch.New = vb
		}
		c.out = append(c.out, ch)
	}
}

// relations compares edges as sets: one change lists the edges that went
// away (Old) and those that came (New), each "type target".
func (c *comparer) relations(a, b []model.Relation) {
	set := func(rs []model.Relation) map[string]bool {
		m := make(map[string]bool, len(rs))
		for _, r := range rs {
			m[r.Type+" "+r.Target] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	var gone, came []string
	for k := range sa {
		if !sb[k] {
			gone = append(gone, k)
		}
	}
	for k := range sb {
		if !sa[k] {
			came = append(came, k)
		}
	}
	if len(gone) == 0 && len(came) == 0 {
		return
	}
	sort.Strings(gone)
	sort.Strings(came)
	ch := Change{Path: relPath}
	if gone != nil {
		ch.Old = gone
	}
	if came != nil {
		ch.New = came
	}
	c.out = append(c.out, ch)
}

// unknownPaths is the sorted union of both sides' unknown paths, named as
// changes name them.
func unknownPaths(a, b *model.Resource) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range []*model.Resource{a, b} {
		for _, u := range r.Unknown {
			p := attrPrefix + u
			if u == model.TagsPath {
				p = model.TagsPath
			}
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	sort.Strings(out)
	return out
}

// encode is an attribute struct's JSON, the shape rules see.
func encode(attrs any) []byte {
	if attrs == nil {
		return nil
	}
	b, err := json.Marshal(attrs)
	if err != nil {
		return nil
	}
	return b
}

// decode turns encoded attributes into plain JSON values (objects, lists,
// strings, json.Number, bools, nil), so that two sources' values compare by
// what they mean and not by Go type.
func decode(b []byte) any {
	if b == nil {
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if d.Decode(&v) != nil {
		return nil
	}
	return v
}

// equal compares two JSON values; an empty list or object equals null, as
// sources differ in whether they write "none" as [] or leave it out.
func equal(a, b any) bool {
	if empty(a) && empty(b) {
		return true
	}
	return reflect.DeepEqual(a, b)
}

func empty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

// asSet is a list of plain values sorted by their JSON form, repeats
// dropped.
func asSet(l []any) []any {
	keys := make(map[string]any, len(l))
	for _, e := range l {
		b, _ := json.Marshal(e)
		keys[string(b)] = e
	}
	ks := make([]string, 0, len(keys))
	for k := range keys {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	out := make([]any, len(ks))
	for i, k := range ks {
		out[i] = keys[k]
	}
	return out
}

func hasObjects(l []any) bool {
	for _, e := range l {
		if _, ok := e.(map[string]any); ok {
			return true
		}
	}
	return false
}

// anyIndex replaces list indexes by "[]": ingress[2].ports -> ingress[].ports.
func anyIndex(p string) string {
	if !strings.Contains(p, "[") {
		return p
	}
	var b strings.Builder
	in := false
	for i := 0; i < len(p); i++ {
		switch {
		case p[i] == '[':
			in = true
			b.WriteByte('[')
		case p[i] == ']':
			in = false
			b.WriteByte(']')
		case !in:
			b.WriteByte(p[i])
		}
	}
	return b.String()
}
