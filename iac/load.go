// Package iac finds Infrastructure-as-Code files under the scan targets and
// runs the adapter of each format (Terraform, Terraform plan JSON,
// CloudFormation, Kubernetes manifests: the registered Adapters). Every
// adapter produces the same normalized resources the live collectors
// produce.
package iac

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/iac/terraform"
	"github.com/vigil-sec/vigil/model"
)

// Options bound and tune loading.
type Options struct {
	Terraform terraform.Options
	// CloudFormation parameter overrides (name -> value).
	CFNParams map[string]string
	// MaxFileSize in bytes; larger files are reported and skipped
	// (default 10 MiB).
	MaxFileSize int64
	// MaxFiles bounds the walk (default 200,000 files).
	MaxFiles int
	// MaxDepth bounds directory nesting (default 64).
	MaxDepth int
	// Exclude holds glob patterns matched against slash-separated paths
	// relative to the base and against base names.
	Exclude []string
	// Progress, when set, is told each file as it is read.
	Progress func(path string)
	// Kinds, when set, is told kinds of resource an adapter is about to
	// produce, before it has produced them (a hint: the rules of those
	// kinds can compile meanwhile; it may miss some).
	Kinds func(kinds []string)
}

// Result is what loading found.
type Result struct {
	Resources []*model.Resource
	// Errors never stop loading: each is a problem with one file or
	// directory, mostly *file.Error.
	Errors []error
	// Files counts the IaC files each adapter took, by its Name.
	Files map[string]int
	// Unjudged counts what was met but cannot be judged: resources of
	// types no adapter maps, modules not found, charts not rendered.
	Unjudged []model.Unjudged
}

// skipDirs are never IaC and often huge.
var skipDirs = map[string]bool{".git": true, ".hg": true, ".svn": true, "node_modules": true,
	".terraform": true, "vendor": true, "__pycache__": true, ".venv": true}

type walker struct {
	opts    Options
	base    string
	res     *Result
	visited map[[2]uint64]bool
	files   int
	// taken holds the files each adapter took, by index in adapters.
	taken   [][]string
	ctx     context.Context
	stopped bool
	// unjudged tallies what cannot be judged; charts holds the chart
	// directories counted.
	unjudged model.UnjudgedTally
	charts   map[string]bool
}

// Load reads every IaC file under targets (files or directories). File
// paths in resources and errors are relative to base (usually the working
// directory).
func Load(ctx context.Context, base string, targets []string, opts Options) *Result {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = 10 << 20
	}
	if opts.MaxFiles <= 0 {
		opts.MaxFiles = 200000
	}
	if opts.MaxDepth <= 0 {
		opts.MaxDepth = 64
	}
	if opts.Terraform.MaxFileSize == 0 {
		opts.Terraform.MaxFileSize = opts.MaxFileSize
	}
	w := &walker{opts: opts, base: base, res: &Result{Files: map[string]int{}}, visited: map[[2]uint64]bool{},
		taken: make([][]string, len(adapters)), ctx: ctx, charts: map[string]bool{}}
	for _, t := range targets {
		abs, err := filepath.Abs(t)
		if err != nil {
			w.fail(t, err)
			continue
		}
		info, err := os.Stat(abs)
		if err != nil {
			w.fail(t, friendly(err))
			continue
		}
		if info.IsDir() {
			w.walk(abs, 0)
		} else {
			w.classify(abs, info)
		}
	}
	w.run()
	w.res.Errors = file.CapErrors(w.res.Errors)
	w.res.Unjudged = w.unjudged.List()
	return w.res
}

// rel names a file as every adapter does: relative to the base, even when
// that climbs out of it with "..".
func (w *walker) rel(p string) string {
	if r, err := filepath.Rel(w.base, p); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(p)
}

func (w *walker) fail(p string, err error) {
	w.res.Errors = append(w.res.Errors, &file.Error{File: w.rel(p), Message: err.Error()})
}

func friendly(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, os.ErrNotExist):
			return errors.New("no such file or directory")
		case errors.Is(err, os.ErrPermission):
			return errors.New("permission denied")
		}
		return pe.Err
	}
	return err
}

func (w *walker) excluded(p string, name string) bool {
	rel := w.rel(p)
	for _, pat := range w.opts.Exclude {
		pat = strings.TrimSuffix(filepath.ToSlash(pat), "/")
		if ok, _ := filepath.Match(pat, rel); ok {
			return true
		}
		if ok, _ := filepath.Match(pat, name); ok {
			return true
		}
		if strings.HasPrefix(rel, pat+"/") {
			return true
		}
	}
	return false
}

// walk descends a directory, following symlinks but never into a
// directory it has already seen (a symlink loop is reported, not followed).
func (w *walker) walk(dir string, depth int) {
	if w.stopped || w.ctx.Err() != nil {
		return
	}
	if depth > w.opts.MaxDepth {
		w.fail(dir, fmt.Errorf("directory nesting deeper than %d levels; not descending", w.opts.MaxDepth))
		return
	}
	info, err := os.Stat(dir)
	if err != nil {
		w.fail(dir, friendly(err))
		return
	}
	if id, ok := fileID(info); ok {
		if w.visited[id] {
			w.fail(dir, errors.New("symlink loop: directory already scanned; skipped"))
			return
		}
		w.visited[id] = true
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.fail(dir, fmt.Errorf("cannot read directory: %w", friendly(err)))
		return
	}
	// Helm chart templates are Go templates, not manifests, and a
	// kustomization patches manifests: Vigil renders neither yet, so
	// each is counted as not judged.
	isChart := false
	for _, e := range entries {
		switch {
		case e.Name() == "Chart.yaml":
			isChart = true
			w.chart(dir, "helm", filepath.Join(dir, e.Name()))
		case isKustomization(e.Name()):
			w.chart(dir, "kustomize", filepath.Join(dir, e.Name()))
		}
	}
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(dir, name)
		if w.excluded(p, name) {
			continue
		}
		info, err := os.Stat(p) // follows symlinks
		if err != nil {
			if e.Type()&os.ModeSymlink != 0 {
				w.fail(p, errors.New("broken symlink"))
			} else {
				w.fail(p, friendly(err))
			}
			continue
		}
		if info.IsDir() {
			if skipDirs[name] || (isChart && (name == "templates" || name == "charts")) {
				continue
			}
			w.walk(p, depth+1)
			continue
		}
		w.classify(p, info)
		if w.stopped {
			return
		}
	}
}

func fileID(info os.FileInfo) ([2]uint64, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return [2]uint64{}, false
	}
	return [2]uint64{uint64(st.Dev), uint64(st.Ino)}, true
}

// classify gives a file to the first adapter that matches it: by name,
// then, for the text formats, by content.
func (w *walker) classify(p string, info os.FileInfo) {
	if !info.Mode().IsRegular() {
		return
	}
	if w.take(p, nil) {
		return
	}
	name := strings.ToLower(filepath.Base(p))
	if !strings.HasSuffix(name, ".json") && !strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".yml") && !strings.HasSuffix(name, ".template") {
		return
	}
	if info.Size() > w.opts.MaxFileSize {
		w.fail(p, fmt.Errorf("file is %d bytes, larger than the %d-byte limit; skipped", info.Size(), w.opts.MaxFileSize))
		return
	}
	head, err := readHead(p, 64<<10)
	if err != nil {
		w.fail(p, friendly(err))
		return
	}
	if looksBinary(head) {
		// One warning, not one per byte a parser trips over; text that
		// is merely not UTF-8 goes on to the detectors, and the
		// adapter of an IaC file reports it.
		w.fail(p, errors.New("not a text file (binary content); skipped"))
		return
	}
	if head == nil {
		head = []byte{} // asked with content, even when empty
	}
	switch {
	case isKustomization(filepath.Base(p)):
		// Counted with its directory; not a manifest.
	case w.take(p, head):
	case helmTemplate(p, head):
		// A Helm template outside a chart, which no adapter took.
		w.chart(filepath.Dir(filepath.Dir(p)), "helm", p)
	}
}

// take gives p to the first adapter that matches it, counting it.
func (w *walker) take(p string, head []byte) bool {
	for i, a := range adapters {
		if a.Match(p, head) {
			w.count()
			w.taken[i] = append(w.taken[i], p)
			w.res.Files[a.Name()]++
			return true
		}
	}
	return false
}

func (w *walker) count() {
	w.files++
	if w.files == w.opts.MaxFiles {
		w.res.Errors = append(w.res.Errors, fmt.Errorf("more than %d IaC files; the rest were not scanned (narrow the target or use --exclude)", w.opts.MaxFiles))
		w.stopped = true
	}
}

func readHead(p string, n int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}

// run has each adapter parse the files it took, in the order adapters
// are registered, then lets finishers see every resource.
func (w *walker) run() {
	for i, a := range adapters {
		if len(w.taken[i]) == 0 {
			continue
		}
		out := a.Parse(w.ctx, &Files{Base: w.base, Paths: w.taken[i], Options: &w.opts, w: w})
		w.res.Resources = append(w.res.Resources, out.Resources...)
		w.res.Errors = append(w.res.Errors, out.Errors...)
		w.addUnjudged(out.Unjudged)
	}
	for _, a := range adapters {
		if f, ok := a.(Finisher); ok {
			w.res.Resources = f.Finish(w.res.Resources)
		}
	}
}

func (w *walker) addUnjudged(us []model.Unjudged) {
	for _, u := range us {
		w.unjudged.Add(u)
	}
}

// chart counts a chart or kustomization directory once, with the file
// that marks it.
func (w *walker) chart(dir, source, marker string) {
	if w.charts[dir] {
		return
	}
	w.charts[dir] = true
	w.unjudged.Add(model.Unjudged{What: model.UnjudgedChart, Source: source, Name: w.rel(dir), Count: 1, Files: []string{w.rel(marker)}})
}

// isKustomization names the files kustomize reads in a directory.
func isKustomization(name string) bool {
	return name == "kustomization.yaml" || name == "kustomization.yml" || name == "Kustomization"
}

// looksBinary is a cheap guard against feeding binaries to the detectors:
// no text format Vigil reads holds a NUL byte.
func looksBinary(b []byte) bool { return bytes.IndexByte(b, 0) >= 0 }
