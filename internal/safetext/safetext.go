// Package safetext makes untrusted text (anything read from a cloud or an
// IaC file: names, tags, paths, values) safe to show: on a terminal, in a
// one-line cell, in a spreadsheet. Every renderer uses it, so a hostile
// name cannot move the cursor, forge a line or run a formula.
package safetext

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Terminal makes untrusted text (resource names, values quoted in messages,
// file paths) safe to print on a terminal: control characters (C0, DEL, C1,
// so ESC and CSI), Unicode line separators and bidirectional formatting
// characters are replaced by visible escapes such as \x1b or \u202e, and
// invalid UTF-8 by U+FFFD. A tab becomes a space. The result is one line.
func Terminal(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\t':
			b.WriteByte(' ')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// unsafeRune reports non-ASCII runes that alter how a terminal or a reader
// sees the surrounding text.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1 controls, including the 8-bit CSI
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f: // bidi marks
		return true
	case r >= 0x202a && r <= 0x202e: // bidi embeddings and overrides
		return true
	case r >= 0x2066 && r <= 0x2069: // bidi isolates
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	case r == 0xfeff: // zero-width no-break space / BOM
		return true
	}
	return false
}

// CSVCell makes a cell one line of printable text (control bytes such as
// ESC, CR and LF become visible escapes, as on the terminal: a file name
// may hold any of them) and prefixes a quote to text a spreadsheet would
// read as a formula (OWASP CSV injection guidance).
func CSVCell(s string) string {
	s = Terminal(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@': // tab and CR are already escaped
		return "'" + s
	}
	return s
}

// JSON replaces unsafe non-ASCII runes in encoded JSON by \u
// escapes. Non-ASCII runes only occur inside JSON strings, so this is safe.
func JSON(b []byte) []byte {
	if isClean(string(b)) {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r >= 0x80 && unsafeRune(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

// WriteJSON writes v as indented JSON with the unsafe runes escaped (see
// JSON), so that `cat report.json` is safe; the document is equal as JSON.
func WriteJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(JSON(buf.Bytes()))
	return err
}
