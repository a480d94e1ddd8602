// Package buildinfo says which Vigil this is: its version, the source
// revision and time it was built from, the Go toolchain, and a digest of
// the built-in rules, so a report can be traced to the rules that judged
// it.
package buildinfo

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/vigil-sec/vigil/policies"
)

// Set by a release build, e.g.
//
//	go build -ldflags "-X github.com/vigil-sec/vigil/internal/buildinfo.version=1.2.0
//	  -X github.com/vigil-sec/vigil/internal/buildinfo.commit=$(git rev-parse HEAD)
//	  -X github.com/vigil-sec/vigil/internal/buildinfo.date=$(date -u +%FT%TZ)"
//
// Left empty, they come from what the Go toolchain stamps into the binary
// (the module version of `go install ...@v1.2.0`; vcs.revision and
// vcs.time when built from a checkout).
var (
	version string
	commit  string
	date    string
)

// DevVersion is the version of a build that nobody named.
const DevVersion = "0.1.0-dev"

// Info describes the running binary.
type Info struct {
	Version string `json:"version"`
	Commit  string `json:"commit,omitempty"`
	// Modified: built from a checkout with uncommitted changes.
	Modified  bool   `json:"modified,omitempty"`
	Date      string `json:"date,omitempty"`
	GoVersion string `json:"go_version"`
	// RulesDigest is Digest(policies.FS).
	RulesDigest string `json:"rules_digest"`
}

var (
	once sync.Once
	info Info
)

// Get describes the running binary (computed once).
func Get() Info {
	once.Do(func() {
		bi, ok := debug.ReadBuildInfo()
		info = resolve(bi, ok, version, commit, date)
		d, err := Digest(policies.FS)
		if err != nil {
			d = "unknown: " + err.Error()
		}
		info.RulesDigest = d
	})
	return info
}

// resolve prefers what the linker was told, then what the toolchain
// stamped.
func resolve(bi *debug.BuildInfo, ok bool, version, commit, date string) Info {
	in := Info{Version: version, Commit: commit, Date: date, GoVersion: runtime.Version()}
	if !ok || bi == nil {
		if in.Version == "" {
			in.Version = DevVersion
		}
		return in
	}
	if bi.GoVersion != "" {
		in.GoVersion = bi.GoVersion
	}
	if in.Version == "" {
		// "(devel)" is a build nobody versioned; a pseudo-version of a
		// checkout (v0.0.0-2026...-abcdef) is still more telling than none.
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			in.Version = strings.TrimPrefix(v, "v")
		} else {
			in.Version = DevVersion
		}
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			if commit == "" {
				in.Commit = s.Value
			}
		case "vcs.time":
			if date == "" {
				in.Date = s.Value
			}
		case "vcs.modified":
			in.Modified = commit == "" && s.Value == "true"
		}
	}
	return in
}

// Digest is a stable hash of a rule tree: SHA-256 over every file's path,
// length and content, in lexical path order, so any change to a rule,
// a helper, or the set of files changes it, and nothing else does.
func Digest(fsys fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(b))
		h.Write(b)
		return nil
	})
	if err != nil {
		return "", err
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

// String is the multi-line text of `vigil version`.
func (in Info) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "vigil %s\n", in.Version)
	c := in.Commit
	if c == "" {
		c = "unknown"
	}
	if in.Modified {
		c += " (with uncommitted changes)"
	}
	fmt.Fprintf(&b, "commit:  %s\n", c)
	fmt.Fprintf(&b, "built:   %s\n", orUnknown(in.Date))
	fmt.Fprintf(&b, "go:      %s\n", in.GoVersion)
	fmt.Fprintf(&b, "rules:   %s (built-in rule set)\n", in.RulesDigest)
	return b.String()
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
