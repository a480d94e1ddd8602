package iac

import (
	"context"
	"os"
	"path/filepath"
	"sort"

	"github.com/vigil-sec/vigil/model"
)

// An Adapter reads one IaC format into normalized resources. The walk,
// the bounds on what it reads (size, binary content, file count, depth,
// symlinks, exclusions) and the tally of what is not judged are shared:
// an adapter only says which files are its own and parses them.
type Adapter interface {
	// Name is the format as Result.Files counts it ("terraform").
	Name() string
	// Match reports whether the adapter reads the file at path (absolute).
	// It is asked first with a nil head, for formats known by their name;
	// then, for .json, .yaml, .yml and .template files no adapter took by
	// name, with the file's first 64 KiB (not binary, not over the size
	// limit). The first adapter that matches takes the file.
	Match(path string, head []byte) bool
	// Parse reads every file the adapter took, in one call, so that a
	// format whose files belong together sees them together (a Terraform
	// directory is one module, and a module may call another). A format
	// read file by file goes through Files.Each.
	Parse(ctx context.Context, files *Files) Parsed
}

// Parsed is what an adapter read. Errors never stop loading: each is a
// problem with one file, mostly *file.Error.
type Parsed struct {
	Resources []*model.Resource
	// Unjudged counts what was read but no rule can judge: types the
	// adapter does not map, modules not found.
	Unjudged []model.Unjudged
	Errors   []error
}

// A Finisher is an adapter that also sees every resource of the scan once
// all adapters have parsed, to join what spans files and formats
// (Kubernetes namespaces used here and declared there).
type Finisher interface {
	Finish(rs []*model.Resource) []*model.Resource
}

// adapters are tried in this order. A format is added by writing its
// Adapter and registering it here, ahead of any format that would also
// take its files: Terraform plan JSON before CloudFormation (both JSON),
// CloudFormation before Kubernetes (both YAML with a "kind"-like key).
var adapters = []Adapter{
	terraformAdapter{},
	planAdapter{},
	cloudformationAdapter{},
	kubernetesAdapter{},
}

// Files are the files one adapter took, in the order the walk met them.
type Files struct {
	// Base is the directory file names are made relative to.
	Base string
	// Paths are absolute.
	Paths   []string
	Options *Options
	w       *walker
}

// Rel names a file as every adapter does: relative to Base, even when that
// climbs out of it with "..".
func (f *Files) Rel(p string) string { return f.w.rel(p) }

// Dirs are the directories holding the files, sorted, each once.
func (f *Files) Dirs() []string {
	seen := map[string]bool{}
	var dirs []string
	for _, p := range f.Paths {
		if d := filepath.Dir(p); !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	sort.Strings(dirs)
	return dirs
}

// Each reads the files one at a time and calls fn with the name relative
// to Base and the content. Progress is told each file; a file that cannot
// be read is reported and skipped.
func (f *Files) Each(fn func(rel string, data []byte)) {
	for _, p := range f.Paths {
		rel := f.w.rel(p)
		if f.Options.Progress != nil {
			f.Options.Progress(rel)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			f.w.fail(p, friendly(err))
			continue
		}
		fn(rel, b)
	}
}
