package safetext

import "testing"

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

func TestEscapeUnsafeRunes(t *testing.T) {
	in := []byte("{\"a\": \"x\u202ey\u009bz ü\"}")
	want := `{"a": "x\u202ey\u009bz ü"}`
	if got := string(JSON(in)); got != want {
		t.Errorf("JSON = %s, want %s", got, want)
	}
}
