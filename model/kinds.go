package model

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// KindInfo describes one canonical kind.
type KindInfo struct {
	Name        string // provider.service.type
	Description string
	New         func() any // returns a pointer to a zero attribute struct
	attrs       reflect.Type
}

var kinds = map[string]KindInfo{}

// Kind is the typed handle of one kind: its name tied at compile time to
// T, the attribute struct its resources carry. Sources name kinds and read
// attributes through handles (model.KindS3Bucket), never through string
// literals, so a misspelled kind or a mismatched struct does not compile.
// Rules, stores and the CLI still see the name: it is the data.
type Kind[T any] struct{ name string }

// NewKind registers a kind and returns its handle. Call it once per kind,
// for an exported package-level variable named Kind<Struct> beside T
// (model/aws_<service>.go); a name registered twice panics.
func NewKind[T any](name, description string) Kind[T] {
	t := reflect.TypeFor[T]()
	if t.Kind() != reflect.Struct {
		panic("model.NewKind " + name + ": attributes must be a struct, not " + t.String())
	}
	if _, dup := kinds[name]; dup {
		panic("model.NewKind: kind " + name + " registered twice")
	}
	kinds[name] = KindInfo{Name: name, Description: description, attrs: t,
		New: func() any { return new(T) }}
	return Kind[T]{name: name}
}

// Name is the kind's name, e.g. aws.s3.bucket: what Resource.Kind holds.
func (k Kind[T]) Name() string { return k.name }

func (k Kind[T]) String() string { return k.name }

// Is reports whether r is of this kind.
func (k Kind[T]) Is(r *Resource) bool { return r != nil && r.Kind == k.name }

// Zero returns a new zero attribute struct of the kind.
func (k Kind[T]) Zero() *T { return new(T) }

// Resource returns a resource of this kind with attrs; the caller sets
// the rest (provider, source, account, ...).
func (k Kind[T]) Resource(id string, attrs *T) *Resource {
	return &Resource{ID: id, Kind: k.name, Attributes: attrs}
}

// With pairs attrs with the kind, for constructors that take both (a
// collector's add): only this kind's struct is accepted.
func (k Kind[T]) With(attrs *T) KindAttrs { return KindAttrs{kind: k.name, attrs: attrs} }

// Attrs returns r's attributes when r is of this kind and carries them.
func (k Kind[T]) Attrs(r *Resource) (*T, bool) {
	if !k.Is(r) {
		return nil, false
	}
	a, ok := r.Attributes.(*T)
	return a, ok && a != nil
}

// Must returns r's attributes, for code that built r as this kind itself
// (an adapter's mapper or finisher); anything else is a programming error
// and panics.
func (k Kind[T]) Must(r *Resource) *T {
	a, ok := k.Attrs(r)
	if !ok {
		var id, kind string
		if r != nil {
			id, kind = r.ID, r.Kind
		}
		panic(fmt.Sprintf("model: resource %q of kind %q is not a %s with %T attributes", id, kind, k.name, new(T)))
	}
	return a
}

// KindAttrs is a kind's name with attributes of its struct; only
// Kind.With makes one, so the pair is checked at compile time.
type KindAttrs struct {
	kind  string
	attrs any
}

// Kind is the kind's name.
func (a KindAttrs) Kind() string { return a.kind }

// Attrs is the attribute struct (a pointer).
func (a KindAttrs) Attrs() any { return a.attrs }

// AnyKind is any kind handle, for tables that map source types to kinds
// whatever their attribute structs (an IaC adapter's registry).
type AnyKind interface {
	Name() string
	Is(r *Resource) bool
}

// LookupKind returns a registered kind.
func LookupKind(name string) (KindInfo, bool) {
	k, ok := kinds[name]
	return k, ok
}

// Kinds lists registered kinds by name.
func Kinds() []KindInfo {
	out := make([]KindInfo, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Field is one attribute in a kind's schema, for rule authors.
type Field struct {
	Path string `json:"path"`
	Type string `json:"type"`
	Doc  string `json:"doc,omitempty"`
}

// Schema flattens a kind's attribute struct into documented paths.
func (k KindInfo) Schema() []Field {
	var out []Field
	walkSchema(k.attrs, "", &out, map[reflect.Type]bool{})
	return out
}

func walkSchema(t reflect.Type, prefix string, out *[]Field, seen map[reflect.Type]bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := strings.Split(f.Tag.Get("json"), ",")[0]
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		path := name
		if prefix != "" {
			path = prefix + "." + name
		}
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		*out = append(*out, Field{Path: path, Type: typeName(f.Type), Doc: f.Tag.Get("doc")})
		elem := ft
		if elem.Kind() == reflect.Slice {
			elem = elem.Elem()
			path += "[]"
		}
		for elem.Kind() == reflect.Pointer {
			elem = elem.Elem()
		}
		if elem.Kind() == reflect.Struct && !seen[elem] {
			seen[elem] = true
			walkSchema(elem, path, out, seen)
			delete(seen, elem)
		}
	}
}

func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return typeName(t.Elem()) + " (null when unset)"
	case reflect.Slice:
		return "list of " + typeName(t.Elem())
	case reflect.Map:
		return "map of " + typeName(t.Elem())
	case reflect.Struct:
		return "object"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int32, reflect.Int64:
		return "integer"
	case reflect.Float64:
		return "number"
	case reflect.String:
		return "string"
	case reflect.Interface:
		return "any"
	}
	return t.String()
}
