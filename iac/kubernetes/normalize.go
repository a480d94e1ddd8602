package kubernetes

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/model"
)

// Origin says where an object was read, for the resource's ID, source and
// locations.
type Origin struct {
	// Scope prefixes the resource ID: the manifest's path, or the cluster
	// a live collector read.
	Scope string
	// Source is the resource's model source
	// (model.SourceKubernetesManifest for files).
	Source string
	// Location is where the object is written; nil for a live object.
	Location *model.Location
	// Line tells the line of a field of the object: path holds map keys
	// (string) and list indexes (int) from the object's root; the line is
	// the key's for a key, the item's for an index; 0 when not known. Nil
	// for a live object: its attributes have no location.
	Line func(path []any) int
	// Kind stands for the kind of an object that has none: the items of
	// a typed List (PodList), in a manifest or as the API server lists
	// them.
	Kind string
}

// Normalize maps one Kubernetes object, given as a generic value tree
// (what encoding/json or a YAML decoder produce, and what client-go's
// unstructured.Unstructured holds in Object), to a resource. Scalars may
// be typed (bool, int64, float64, json.Number) or strings written for them
// ("true", "3"), as in manifests. Status, managedFields and other
// server-set fields are ignored. It returns nil, nil for kinds Vigil does
// not model (see Models).
func Normalize(obj map[string]any, o Origin) (*model.Resource, error) {
	root := val{v: obj}
	kind := root.field("kind").str()
	if kind == "" {
		kind = o.Kind
	}
	if kind == "" {
		return nil, o.errorf("object has no kind")
	}
	info, known := modelled(kind, root.field("apiVersion").str())
	if !known {
		return nil, nil
	}
	meta := root.field("metadata")
	name := meta.field("name").str()
	if name == "" {
		name = meta.field("generateName").str()
	}
	if name == "" {
		return nil, o.errorf("%s has no metadata.name", kind)
	}
	k, _ := model.LookupKind(info.kind)
	r := &model.Resource{
		Kind:       info.kind,
		Provider:   "kubernetes",
		Source:     o.Source,
		Name:       name,
		Tags:       meta.field("labels").stringMap(),
		Attributes: k.New(),
	}
	if o.Location != nil {
		loc := *o.Location
		r.Location = &loc
	}
	b := &builder{r: r, line: o.Line}
	ns := ""
	if !info.clusterScoped {
		ns = "default"
		if f, found := meta.get("namespace"); found && f.str() != "" {
			ns = f.str()
			b.at("namespace", f)
		}
		r.ID = o.Scope + ":" + ns + "/" + kind + "/" + name
	} else {
		r.ID = o.Scope + ":" + kind + "/" + name
	}
	if f, found := meta.get("labels"); found {
		b.at("labels", f)
	}
	spec := root.field("spec")
	switch a := r.Attributes.(type) {
	case *model.KubernetesWorkload:
		b.workload(a, kind, root, ns)
	case *model.KubernetesRole:
		a.Namespace = ns
		b.role(a, root)
	case *model.KubernetesRoleBinding:
		a.Namespace = ns
		b.roleBinding(a, root)
	case *model.KubernetesNamespace:
		a.Declared = true
		a.Labels = meta.field("labels").stringMap()
	case *model.KubernetesNetworkPolicy:
		a.Namespace = ns
		b.networkPolicy(a, spec)
	case *model.KubernetesService:
		a.Namespace = ns
		b.service(a, spec)
	case *model.KubernetesServiceAccount:
		a.Namespace = ns
		if f, found := root.get("automountServiceAccountToken"); found {
			if v, isBool := f.boolean(); isBool {
				a.AutomountServiceAccountToken = &v
				b.at("automount_service_account_token", f)
			}
		}
	}
	return r, nil
}

// Models reports whether Vigil models objects of kind in apiVersion ("" is
// taken as any group the kind lives in): a live collector lists these.
func Models(kind, apiVersion string) bool {
	_, ok := modelled(kind, apiVersion)
	return ok
}

func modelled(kind, apiVersion string) (objectKind, bool) {
	info, known := objectKinds[kind]
	if !known || (apiVersion != "" && !info.groups[apiGroup(apiVersion)]) {
		return objectKind{}, false
	}
	return info, true
}

func (o Origin) errorf(format string, args ...any) error {
	if o.Location == nil {
		return errors.New(o.Scope + ": " + fmt.Sprintf(format, args...))
	}
	return file.Errorf(o.Location.File, o.Location.StartLine, format, args...)
}

// val is one value of an object's tree and the path that reaches it, so
// that the normalizer can ask Origin.Line where it is written.
type val struct {
	v    any
	path []any
}

// get returns the value of key in a map; ok is false when absent, null,
// or x is not a map.
func (x val) get(key string) (val, bool) {
	m, _ := x.v.(map[string]any)
	v, ok := m[key]
	if !ok || v == nil {
		return val{}, false
	}
	return val{v: v, path: appendPath(x.path, key)}, true
}

// present is get for a key written with a null value too.
func (x val) present(key string) (val, bool) {
	m, _ := x.v.(map[string]any)
	v, ok := m[key]
	if !ok {
		return val{}, false
	}
	return val{v: v, path: appendPath(x.path, key)}, true
}

// field is get without ok: the zero val when absent.
func (x val) field(key string) val {
	f, _ := x.get(key)
	return f
}

// dig walks nested map keys.
func (x val) dig(keys ...string) (val, bool) {
	for _, k := range keys {
		var ok bool
		if x, ok = x.get(k); !ok {
			return val{}, false
		}
	}
	return x, true
}

// items returns a list's elements (nil items included: a null item is
// still an item).
func (x val) items() []val {
	l, _ := x.v.([]any)
	if len(l) == 0 {
		return nil
	}
	out := make([]val, len(l))
	for i, v := range l {
		out[i] = val{v: v, path: appendPath(x.path, i)}
	}
	return out
}

// keys returns a map's keys, sorted (null values included).
func (x val) keys() []string {
	m, _ := x.v.(map[string]any)
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func appendPath(p []any, k any) []any {
	out := make([]any, len(p)+1)
	copy(out, p)
	out[len(p)] = k
	return out
}

// isMap and isList tell containers from scalars.
func (x val) isMap() bool    { _, ok := x.v.(map[string]any); return ok }
func (x val) isList() bool   { _, ok := x.v.([]any); return ok }
func (x val) isScalar() bool { return x.v != nil && !x.isMap() && !x.isList() }

// size is the number of entries of a map or a list, 0 for scalars.
func (x val) size() int {
	switch t := x.v.(type) {
	case map[string]any:
		return len(t)
	case []any:
		return len(t)
	}
	return 0
}

// str returns a scalar's text ("" for null and containers).
func (x val) str() string {
	switch t := x.v.(type) {
	case string:
		return t
	case json.Number:
		return string(t)
	case bool:
		return strconv.FormatBool(t)
	case int:
		return strconv.Itoa(t)
	case int32:
		return strconv.FormatInt(int64(t), 10)
	case int64:
		return strconv.FormatInt(t, 10)
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	}
	return ""
}

// boolean reads a boolean, or text YAML takes for one ("yes", "On");
// ok is false for anything else.
func (x val) boolean() (bool, bool) {
	if b, ok := x.v.(bool); ok {
		return b, true
	}
	if _, ok := x.v.(string); !ok {
		if _, ok := x.v.(json.Number); !ok {
			return false, false
		}
	}
	switch strings.ToLower(x.str()) {
	case "true", "yes", "on":
		return true, true
	case "false", "no", "off":
		return false, true
	}
	return false, false
}

// integer reads a whole number, typed or written as text ("0x1F",
// "1_000", "3.0").
func (x val) integer() (int64, bool) {
	switch t := x.v.(type) {
	case int:
		return int64(t), true
	case int32:
		return int64(t), true
	case int64:
		return t, true
	case float64:
		if t != float64(int64(t)) {
			return 0, false
		}
		return int64(t), true
	case string, json.Number:
	default:
		return 0, false
	}
	s := strings.ReplaceAll(x.str(), "_", "")
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseInt(s, 0, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != float64(int64(f)) {
			return 0, false
		}
		return int64(f), true
	}
	return v, true
}

// stringList returns a list of scalars as strings (a lone scalar counts
// as a one-element list, as people write `verbs: get` by mistake).
func (x val) stringList() []string {
	if x.isScalar() {
		return []string{x.str()}
	}
	var out []string
	for _, it := range x.items() {
		if it.isScalar() {
			out = append(out, it.str())
		}
	}
	return out
}

// stringMap returns a map of scalars (labels); containers read as "".
func (x val) stringMap() map[string]string {
	m, _ := x.v.(map[string]any)
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = val{v: v}.str()
	}
	return out
}
