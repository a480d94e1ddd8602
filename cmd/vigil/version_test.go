package main

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/internal/buildinfo"
	"github.com/vigil-sec/vigil/policies"
)

func TestVersionCommandAndFlag(t *testing.T) {
	digest, err := buildinfo.Digest(policies.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, errs, code := run(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errs)
		}
		for _, want := range []string{"vigil " + buildinfo.Get().Version + "\n", "commit:  ", "built:   ",
			"go:      " + runtime.Version() + "\n", "rules:   " + digest} {
			if !strings.Contains(out, want) {
				t.Errorf("%v lacks %q:\n%s", args, want, out)
			}
		}
	}
}

// A release build names its version, commit and date with -ldflags -X;
// the real linker and binary prove the variables are the ones documented.
func TestVersionFromLdflags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "vigil")
	pkg := "github.com/vigil-sec/vigil/internal/buildinfo"
	build := exec.Command("go", "build", "-buildvcs=false", "-o", bin, "-ldflags",
		"-X "+pkg+".version=9.8.7 -X "+pkg+".commit=0123abcd -X "+pkg+".date=2027-05-01T10:00:00Z", ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"vigil 9.8.7\n", "commit:  0123abcd\n", "built:   2027-05-01T10:00:00Z\n"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
}
