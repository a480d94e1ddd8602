package model

import (
	"strconv"
	"strings"
)

// Attribute paths name a value inside Attributes with the JSON field names,
// dots between fields and [i] for list elements:
//
//	public_access_block.block_public_acls
//	ingress[2].cidr_blocks[0]

// Path joins path elements: strings are fields, ints are list indexes.
func Path(elems ...any) string {
	var b strings.Builder
	for _, e := range elems {
		switch v := e.(type) {
		case int:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(v))
			b.WriteByte(']')
		case string:
			if v == "" {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(v)
		}
	}
	return b.String()
}

// ParentPath returns the path one level up ("" at the top).
func ParentPath(p string) string {
	if p == "" {
		return ""
	}
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndexAny(p, ".["); i >= 0 {
		return p[:i]
	}
	return ""
}

// PathWithin reports whether p equals parent or lies below it.
func PathWithin(p, parent string) bool {
	if parent == "" {
		return true
	}
	if !strings.HasPrefix(p, parent) {
		return false
	}
	rest := p[len(parent):]
	return rest == "" || rest[0] == '.' || rest[0] == '['
}
