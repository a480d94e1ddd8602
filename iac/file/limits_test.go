package file

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestCheckText(t *testing.T) {
	// A multi-byte character straddling the probe's end is still text.
	straddle := strings.Repeat("a", textProbe-1) + "é" + "rest"
	for _, tc := range []struct {
		name string
		data string
		text bool
	}{
		{"empty", "", true},
		{"ascii", "resource \"a\" \"b\" {}\n", true},
		{"utf-8 with BOM", "\ufeffname: café ☕\n", true},
		{"character across the probe end", straddle, true},
		{"NUL", "a: 1\x00\n", false},
		{"latin-1", "name: caf\xe9\n", false},
		{"UTF-16", "\xff\xfen\x00a\x00", false},
		{"binary after the probe is not looked at", strings.Repeat("a", textProbe) + "\x00", true},
	} {
		e := CheckText("x.tf", []byte(tc.data))
		if (e == nil) != tc.text {
			t.Errorf("%s: text=%v, got %v", tc.name, tc.text, e)
		}
		if e != nil && (e.File != "x.tf" || !strings.Contains(e.Message, "not a text file")) {
			t.Errorf("%s: %v", tc.name, e)
		}
	}
}

func TestCapErrors(t *testing.T) {
	var errs []error
	for i := 0; i < MaxErrorsPerFile+7; i++ {
		errs = append(errs, Errorf("noisy.tf", i+1, "bad %d", i))
		if i%10 == 0 {
			errs = append(errs, Errorf("quiet.tf", i, "one"), errors.New("no file"))
		}
	}
	out := CapErrors(errs)
	per := map[string]int{}
	var last string
	for _, e := range out {
		per[fileOf(e)]++
		if fileOf(e) == "noisy.tf" {
			last = e.Error()
		}
	}
	if per["noisy.tf"] != MaxErrorsPerFile+1 || per["quiet.tf"] != 3 || per[""] != 3 {
		t.Fatalf("per file: %v", per)
	}
	if want := fmt.Sprintf("noisy.tf: %d more problems in this file not shown", 7); last != want {
		t.Fatalf("last noisy error %q, want %q", last, want)
	}
	if out[0] != errs[0] || out[1] != errs[1] {
		t.Fatal("order must be kept")
	}
	short := errs[:5]
	if got := CapErrors(short); len(got) != 5 {
		t.Fatalf("nothing to cap: %d", len(got))
	}
}
