package safetext

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestTerminal(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain-name_01", "plain-name_01"},
		{"ünïcode ✓ 日本", "ünïcode ✓ 日本"},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"title\x1b]0;pwned\x07", `title\x1b]0;pwned\x07`},
		{"a\tb", "a b"},
		{"line1\nline2\r", `line1\nline2\r`},
		{"nul\x00del\x7f", `nul\x00del\x7f`},
		{"c1 csi \u009b31m", `c1 csi \u009b31m`},
		{"nel\u0085", `nel\u0085`},
		{"abc\u202edcba", `abc\u202edcba`},
		{"iso\u2066x\u2069", `iso\u2066x\u2069`},
		{"mark\u200f\u200e\u061c", `mark\u200f\u200e\u061c`},
		{"ls\u2028ps\u2029", `ls\u2028ps\u2029`},
		{"bom\ufeff", `bom\ufeff`},
		{"bad\xffutf8\x9b", "bad\ufffdutf8\ufffd"},
	}
	for _, c := range cases {
		if got := Terminal(c.in); got != c.want {
			t.Errorf("Terminal(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// WriteJSON's own indenting must write what encoding/json's does, byte for
// byte, on every shape of document (empty and nested containers, strings
// holding the punctuation it indents around and escaped quotes, numbers,
// literals), and escape unsafe runes only inside strings.
func TestWriteJSONIndentsAsEncodingJSON(t *testing.T) {
	type inner struct {
		S   string            `json:"s"`
		N   []int             `json:"n"`
		M   map[string]any    `json:"m,omitempty"`
		E   map[string]string `json:"e"`
		Nil []string          `json:"nil"`
	}
	docs := []any{
		nil, true, 3.25, "plain", "", []int{}, map[string]int{},
		[]any{[]any{}, map[string]any{}, []any{[]any{1, 2}, "x"}},
		inner{S: `a "quoted" {brace}, [bracket]: colon \ back`, N: []int{1, -2, 3}, M: map[string]any{"k": []any{nil, false, "v"}, "z": map[string]any{}}, E: map[string]string{}},
		map[string]any{"html": "<a href='x'>&</a>", "ctl": "\x00\x1b[31m\t\n", "uni": "ünïcode ✓ 日本", "deep": []any{map[string]any{"a": []any{map[string]any{"b": []any{}}}}}},
	}
	for _, d := range docs {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteJSON(&got, d); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("WriteJSON(%#v):\n%s\nwant:\n%s", d, got.String(), want.String())
		}
	}

	var got bytes.Buffer
	if err := WriteJSON(&got, map[string]string{"name": "x\u202ey\u009bz ü \u2028"}); err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"name\": \"x\\u202ey\\u009bz ü \\u2028\"\n}\n"; got.String() != want {
		t.Errorf("escaped: got %q, want %q", got.String(), want)
	}
	var back map[string]string
	if err := json.Unmarshal(got.Bytes(), &back); err != nil || back["name"] != "x\u202ey\u009bz ü \u2028" {
		t.Errorf("escaped document reads back as %q (%v)", back["name"], err)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteJSONReportsAWriteError(t *testing.T) {
	big := make([]string, 20000)
	for i := range big {
		big[i] = "some finding text"
	}
	if err := WriteJSON(failingWriter{}, big); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("WriteJSON to a failing writer: %v, want the write error", err)
	}
}
