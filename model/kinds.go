package model

import (
	"reflect"
	"sort"
	"strings"
)

// KindInfo describes one canonical kind.
type KindInfo struct {
	Name        string // provider.service.type
	Description string
	New         func() any // returns a pointer to a zero attribute struct
}

var kinds = map[string]KindInfo{}

// RegisterKind adds a kind to the registry; attrs is a zero attribute
// struct (not a pointer) whose type is used for every resource of the kind.
func RegisterKind(name, description string, attrs any) {
	t := reflect.TypeOf(attrs)
	kinds[name] = KindInfo{Name: name, Description: description,
		New: func() any { return reflect.New(t).Interface() }}
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
	walkSchema(reflect.TypeOf(k.New()).Elem(), "", &out, map[reflect.Type]bool{})
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
