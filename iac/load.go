// Package iac finds Infrastructure-as-Code files under the scan targets and
// runs the adapter for each (Terraform, Terraform plan JSON,
// CloudFormation, Kubernetes manifests). Every adapter produces the same
// normalized resources the live collectors produce.
package iac

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/vigil-sec/vigil/iac/cloudformation"
	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/iac/kubernetes"
	"github.com/vigil-sec/vigil/iac/terraform"
	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/iac/terraform/plan"
	"github.com/vigil-sec/vigil/iac/terraform/tfaws"
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
}

// Result is what loading found.
type Result struct {
	Resources []*model.Resource
	// Errors never stop loading: each is a problem with one file or
	// directory, mostly *file.Error.
	Errors []error
	// Files counts the IaC files read, by type.
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
	tfDirs  map[string]bool
	plans   []string
	cfn     []string
	k8s     []string
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
		tfDirs: map[string]bool{}, ctx: ctx, charts: map[string]bool{}}
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

// classify decides which adapter reads a file, by name and content.
func (w *walker) classify(p string, info os.FileInfo) {
	if !info.Mode().IsRegular() {
		return
	}
	name := strings.ToLower(filepath.Base(p))
	switch {
	case strings.HasSuffix(name, ".tf"), strings.HasSuffix(name, ".tf.json"):
		w.count()
		w.tfDirs[filepath.Dir(p)] = true
		w.res.Files["terraform"]++
	case strings.HasSuffix(name, ".json"), strings.HasSuffix(name, ".yaml"), strings.HasSuffix(name, ".yml"), strings.HasSuffix(name, ".template"):
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
		switch {
		case isKustomization(filepath.Base(p)):
			// Counted with its directory; not a manifest.
		case strings.HasSuffix(name, ".json") && plan.Detect(head):
			w.count()
			w.plans = append(w.plans, p)
		case cloudformation.Detect(head):
			w.count()
			w.cfn = append(w.cfn, p)
		case filepath.Base(filepath.Dir(p)) == "templates" && bytes.Contains(head, []byte("{{")):
			// A Helm template outside a chart (after CloudFormation: its
			// templates/ hold {{resolve:...}} references).
			w.chart(filepath.Dir(filepath.Dir(p)), "helm", p)
		case !strings.HasSuffix(name, ".template") && kubernetes.Detect(head):
			w.count()
			w.k8s = append(w.k8s, p)
		}
	}
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

// run parses the classified files with their adapters.
func (w *walker) run() {
	add := func(rs []*model.Resource, errs []error) {
		w.res.Resources = append(w.res.Resources, rs...)
		w.res.Errors = append(w.res.Errors, errs...)
	}
	if len(w.tfDirs) > 0 {
		dirs := make([]string, 0, len(w.tfDirs))
		for d := range w.tfDirs {
			dirs = append(dirs, d)
		}
		sort.Strings(dirs)
		insts, errs := terraform.Scan(w.base, dirs, w.opts.Terraform)
		w.unmappedTerraform(insts, model.SourceTerraform)
		for _, e := range errs {
			var mnf *terraform.ModuleNotFoundError
			if errors.As(e, &mnf) {
				name := mnf.Source
				if name == "" {
					name = "module." + mnf.Module + " (no source)"
				}
				w.unjudged.Add(model.Unjudged{What: model.UnjudgedModule, Source: model.SourceTerraform, Name: name, Count: 1,
					Files: []string{mnf.Err.File}})
			}
		}
		add(tfaws.Map(insts, model.SourceTerraform), errs)
	}
	read := func(p string) ([]byte, bool) {
		if w.opts.Progress != nil {
			w.opts.Progress(w.rel(p))
		}
		b, err := os.ReadFile(p)
		if err != nil {
			w.fail(p, friendly(err))
			return nil, false
		}
		return b, true
	}
	for _, p := range w.plans {
		if b, ok := read(p); ok {
			w.res.Files["terraform-plan"]++
			insts, err := plan.Parse(w.rel(p), b)
			var errs []error
			if err != nil {
				errs = append(errs, err)
			}
			w.unmappedTerraform(insts, model.SourceTerraformPlan)
			add(tfaws.Map(insts, model.SourceTerraformPlan), errs)
		}
	}
	for _, p := range w.cfn {
		if b, ok := read(p); ok {
			w.res.Files["cloudformation"]++
			rs, unmapped, errs := cloudformation.ParseWithUnmapped(w.rel(p), b, w.opts.CFNParams)
			w.addUnjudged(unmapped)
			add(rs, errs)
		}
	}
	var k8s []*model.Resource
	for _, p := range w.k8s {
		if b, ok := read(p); ok {
			w.res.Files["kubernetes"]++
			rs, unmapped, errs := kubernetes.ParseWithUnmapped(w.rel(p), b)
			w.addUnjudged(unmapped)
			k8s = append(k8s, rs...)
			w.res.Errors = append(w.res.Errors, errs...)
		}
	}
	if len(k8s) > 0 {
		w.res.Resources = append(w.res.Resources, kubernetes.Finalize(k8s)...)
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

// localOnly are Terraform providers whose resources create nothing in a
// cloud account (random values, timers, local files, keys kept in state):
// there is nothing for a rule to judge, and counting them would bury the
// types that matter.
var localOnly = map[string]bool{"random": true, "null": true, "time": true, "terraform": true, "local": true,
	"tls": true, "archive": true, "template": true, "external": true, "http": true, "cloudinit": true}

// unmappedTerraform counts the managed instances of types no mapping
// takes (azurerm_*, google_* ...): Map drops them.
func (w *walker) unmappedTerraform(insts []*instance.Instance, source string) {
	for _, in := range insts {
		if in.Mode == "data" || tfaws.Maps(in.Type) {
			continue
		}
		if provider, _, _ := strings.Cut(in.Type, "_"); localOnly[provider] {
			continue
		}
		w.unjudged.Add(model.Unjudged{What: model.UnjudgedType, Source: source, Name: in.Type, Count: 1, Files: []string{in.File}})
	}
}

// looksBinary is a cheap guard against feeding binaries to the detectors:
// no text format Vigil reads holds a NUL byte.
func looksBinary(b []byte) bool { return bytes.IndexByte(b, 0) >= 0 }
