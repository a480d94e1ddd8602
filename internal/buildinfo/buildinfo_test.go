package buildinfo

import (
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vigil-sec/vigil/policies"
)

func TestResolve(t *testing.T) {
	checkout := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "986b561d1aff4e1a44bcc797e084bb44d8bfbf18"},
		{Key: "vcs.time", Value: "2026-12-07T10:28:50Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	installed := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.4.0"}}
	cases := []struct {
		name                  string
		bi                    *debug.BuildInfo
		ok                    bool
		version, commit, date string
		want                  Info
	}{
		{"from a checkout", checkout, true, "", "", "",
			Info{Version: DevVersion, Commit: "986b561d1aff4e1a44bcc797e084bb44d8bfbf18", Modified: true, Date: "2026-12-07T10:28:50Z", GoVersion: "go1.26.8"}},
		{"ldflags win", checkout, true, "2.0.0", "abc", "2027-01-01",
			Info{Version: "2.0.0", Commit: "abc", Date: "2027-01-01", GoVersion: "go1.26.8"}},
		{"go install module@v1.4.0", installed, true, "", "", "",
			Info{Version: "1.4.0", GoVersion: "go1.26.8"}},
		{"no build info", nil, false, "", "", "",
			Info{Version: DevVersion, GoVersion: runtime.Version()}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := resolve(c.bi, c.ok, c.version, c.commit, c.date); got != c.want {
				t.Errorf("got  %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestDigest(t *testing.T) {
	base := fstest.MapFS{
		"aws/s3/a.rego": {Data: []byte("package a\n")},
		"lib/x.rego":    {Data: []byte("package x\n")},
	}
	d1, err := Digest(base)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := Digest(base); again != d1 {
		t.Fatal("digest is not stable")
	}
	if !regexp.MustCompile(`^sha256:[0-9a-f]{64}$`).MatchString(d1) {
		t.Fatalf("digest %q", d1)
	}
	changed := map[string]fstest.MapFS{
		"content": {"aws/s3/a.rego": {Data: []byte("package a \n")}, "lib/x.rego": base["lib/x.rego"]},
		"rename":  {"aws/s3/b.rego": base["aws/s3/a.rego"], "lib/x.rego": base["lib/x.rego"]},
		"added":   {"aws/s3/a.rego": base["aws/s3/a.rego"], "lib/x.rego": base["lib/x.rego"], "lib/y.rego": {Data: nil}},
		// Moving bytes across a file boundary must not collide.
		"boundary": {"aws/s3/a.rego": {Data: []byte("package a\npackage x\n")}, "lib/x.rego": {Data: nil}},
	}
	for name, fsys := range changed {
		if d, _ := Digest(fsys); d == d1 {
			t.Errorf("%s: digest unchanged", name)
		}
	}
}

func TestGetDescribesThisBinary(t *testing.T) {
	in := Get()
	want, err := Digest(policies.FS)
	if err != nil {
		t.Fatal(err)
	}
	if in.RulesDigest != want || in.GoVersion == "" || in.Version == "" {
		t.Fatalf("%+v", in)
	}
	text := in.String()
	for _, line := range []string{"vigil " + in.Version + "\n", "\ncommit:  ", "\nbuilt:   ", "\ngo:      " + in.GoVersion + "\n", "\nrules:   " + want + " "} {
		if !strings.Contains(text, line) {
			t.Errorf("version text lacks %q:\n%s", line, text)
		}
	}
}
