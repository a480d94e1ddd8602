package aws

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"reflect"
	"sort"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"
)

// names maps the SDK's Go field names to a service's wire names. Most
// members are named as their Go fields; the exceptions are listed per
// "GoType.Field" key, as the SDK's deserializers spell them.
type names struct {
	// camel writes members with a lower-case first letter (EC2 and most
	// REST-JSON services).
	camel bool
	// rename holds members whose wire name is not their Go name.
	rename map[string]string
	// member holds each list's item element where it is not the default;
	// "" means the list is flattened (no wrapper element).
	member map[string]string
	// item is the default element of list items ("member" or "item").
	item string
	// isoTimes writes JSON timestamps as RFC 3339 strings, for the
	// REST-JSON services whose members are date-time (Access Analyzer).
	isoTimes bool
}

func (n *names) field(t reflect.Type, f reflect.StructField) string {
	if w, ok := n.rename[t.Name()+"."+f.Name]; ok {
		return w
	}
	if n.camel {
		r, size := utf8.DecodeRuneInString(f.Name)
		return string(unicode.ToLower(r)) + f.Name[size:]
	}
	return f.Name
}

// listItem returns a list field's item element, and whether the list is
// flattened.
func (n *names) listItem(t reflect.Type, f reflect.StructField) (string, bool) {
	if m, ok := n.member[t.Name()+"."+f.Name]; ok {
		return m, m == ""
	}
	return n.item, false
}

var timeType = reflect.TypeOf(time.Time{})

// fields calls fn for each field of struct value v that goes on the wire:
// exported, set, and not SDK bookkeeping.
func fields(v reflect.Value, fn func(f reflect.StructField, fv reflect.Value)) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Name == "ResultMetadata" {
			continue
		}
		fv := v.Field(i)
		switch fv.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			if fv.IsNil() {
				continue
			}
		}
		if fv.Kind() == reflect.Interface {
			continue // documents and unions: no operation we serve needs them
		}
		if fv.Kind() == reflect.String && fv.Len() == 0 {
			continue // an unset enum: AWS leaves it out
		}
		fn(f, fv)
	}
}

// xmlEncoder writes SDK values as the XML protocols do.
type xmlEncoder struct {
	buf   bytes.Buffer
	names *names
}

func (e *xmlEncoder) open(name string)  { e.buf.WriteString("<" + name + ">") }
func (e *xmlEncoder) close(name string) { e.buf.WriteString("</" + name + ">") }
func (e *xmlEncoder) text(s string)     { _ = xml.EscapeText(&e.buf, []byte(s)) }

// members writes the fields of a struct value as child elements.
func (e *xmlEncoder) members(v reflect.Value) {
	for v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	t := v.Type()
	fields(v, func(f reflect.StructField, fv reflect.Value) {
		name := e.names.field(t, f)
		if fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() != reflect.Uint8 {
			item, flat := e.names.listItem(t, f)
			if flat {
				for i := 0; i < fv.Len(); i++ {
					e.value(name, fv.Index(i))
				}
				return
			}
			e.open(name)
			for i := 0; i < fv.Len(); i++ {
				e.value(item, fv.Index(i))
			}
			e.close(name)
			return
		}
		e.value(name, fv)
	})
}

// value writes one element.
func (e *xmlEncoder) value(name string, v reflect.Value) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	switch {
	case v.Type() == timeType:
		e.open(name)
		e.text(v.Interface().(time.Time).UTC().Format("2006-01-02T15:04:05.000Z"))
		e.close(name)
	case v.Kind() == reflect.Struct:
		e.open(name)
		e.members(v)
		e.close(name)
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
		e.open(name)
		e.text(base64.StdEncoding.EncodeToString(v.Bytes()))
		e.close(name)
	case v.Kind() == reflect.Slice:
		// A list inside a list: items in the default element.
		e.open(name)
		for i := 0; i < v.Len(); i++ {
			e.value(e.names.item, v.Index(i))
		}
		e.close(name)
	case v.Kind() == reflect.Map:
		e.open(name)
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			e.open("entry")
			e.value("key", k)
			e.value("value", v.MapIndex(k))
			e.close("entry")
		}
		e.close(name)
	default:
		e.open(name)
		e.text(scalar(v))
		e.close(name)
	}
}

// scalar formats a string, number or boolean.
func scalar(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	}
	return ""
}

// tree turns an SDK value into plain maps, lists and scalars with the
// service's member names, for the JSON and CBOR encoders. Times stay
// time.Time and blobs []byte: each encoder writes them its own way.
func tree(v reflect.Value, n *names) any {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	switch {
	case v.Type() == timeType:
		return v.Interface().(time.Time)
	case v.Kind() == reflect.Struct:
		out := map[string]any{}
		t := v.Type()
		fields(v, func(f reflect.StructField, fv reflect.Value) {
			out[n.field(t, f)] = tree(fv, n)
		})
		return out
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
		return v.Bytes()
	case v.Kind() == reflect.Slice:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = tree(v.Index(i), n)
		}
		return out
	case v.Kind() == reflect.Map:
		out := map[string]any{}
		for _, k := range v.MapKeys() {
			out[k.String()] = tree(v.MapIndex(k), n)
		}
		return out
	case v.Kind() == reflect.String:
		return v.String()
	case v.Kind() == reflect.Bool:
		return v.Bool()
	case v.Kind() >= reflect.Int && v.Kind() <= reflect.Int64:
		return v.Int()
	case v.Kind() >= reflect.Uint && v.Kind() <= reflect.Uint64:
		return int64(v.Uint())
	case v.Kind() == reflect.Float32 || v.Kind() == reflect.Float64:
		return v.Float()
	}
	return nil
}
