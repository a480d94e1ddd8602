// Package safetext makes untrusted text (anything read from a cloud or an
// IaC file: names, tags, paths, values) safe to show: on a terminal, in a
// one-line cell, in a spreadsheet. Every renderer uses it, so a hostile
// name cannot move the cursor, forge a line or run a formula.
package safetext

import (
	"bufio"
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

// WriteJSON writes v as indented JSON with the unsafe runes (those
// Terminal escapes, which occur only inside JSON strings) as \u escapes, so
// that `cat report.json` is safe; the document is equal as JSON,
// and byte for byte what json.Encoder with SetIndent("", "  ") writes when
// no rune needs escaping. The compact encoding is indented and escaped on
// its way out, through a small buffer: a report of a few megabytes is not
// copied three times into ever larger fresh buffers (which cost a 50-file
// Terraform scan more time than parsing the files).
func WriteJSON(w io.Writer, v any) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	iw := &indentWriter{w: bw}
	if err := json.NewEncoder(iw).Encode(v); err != nil {
		return err
	}
	if iw.err != nil {
		return iw.err
	}
	return bw.Flush()
}

// indentWriter indents compact JSON (as encoding/json writes it: no space
// outside strings) by two spaces a level, and escapes unsafe runes inside
// strings. It keeps its state between writes, except a rune split across
// two writes (json.Encoder writes a document in one call).
type indentWriter struct {
	w          *bufio.Writer
	depth      int
	inString   bool
	escaped    bool // the previous byte in a string was a backslash
	needIndent bool // after { or [: indent unless the value is empty
	err        error
}

func (iw *indentWriter) Write(p []byte) (int, error) {
	w := iw.w
	for i := 0; i < len(p); {
		c := p[i]
		if iw.inString {
			switch {
			case iw.escaped:
				iw.escaped = false
			case c == '\\':
				iw.escaped = true
			case c == '"':
				iw.inString = false
			case c >= utf8.RuneSelf:
				r, n := utf8.DecodeRune(p[i:])
				if unsafeRune(r) {
					fmt.Fprintf(w, `\u%04x`, r)
				} else {
					w.Write(p[i : i+n])
				}
				i += n
				continue
			}
			w.WriteByte(c)
			i++
			continue
		}
		if iw.needIndent && c != '}' && c != ']' {
			iw.needIndent = false
			iw.depth++
			iw.newline()
		}
		switch c {
		case '"':
			iw.inString = true
			w.WriteByte(c)
		case '{', '[':
			iw.needIndent = true
			w.WriteByte(c)
		case ',':
			w.WriteByte(c)
			iw.newline()
		case ':':
			w.WriteString(": ")
		case '}', ']':
			if iw.needIndent {
				iw.needIndent = false // {} and [] stay on one line
			} else {
				iw.depth--
				iw.newline()
			}
			w.WriteByte(c)
		default:
			w.WriteByte(c)
		}
		i++
	}
	if _, err := w.Write(nil); err != nil && iw.err == nil {
		iw.err = err
	}
	return len(p), iw.err
}

func (iw *indentWriter) newline() {
	iw.w.WriteByte('\n')
	for range iw.depth {
		iw.w.WriteString("  ")
	}
}
