// Command startup measures what a CI run or a pre-commit hook pays for
// every `vigil scan`: the whole process, start to exit, on an empty
// directory and on a generated 50-file Terraform repository. It builds the
// vigil binary from this checkout, runs each scan several times and prints
// each run's wall time and CPU time (user + system) and the median.
//
//	go run ./bench/startup                   # the built-in rules
//	go run ./bench/startup -extra-rules 400  # plus 400 synthetic built-in rules
//
// With -extra-rules N, the checkout is copied to a temporary directory,
// N synthetic rules are added to its built-in rules (spread over every AWS
// kind, each reading an attribute through a helper, as real rules do), the
// rule catalog is regenerated and that binary is measured: start-up must
// not grow with the rule set.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/vigil-sec/vigil/internal/tfgen"
	"github.com/vigil-sec/vigil/model"
)

func main() {
	runs := flag.Int("runs", 7, "runs of each scan")
	extra := flag.Int("extra-rules", 0, "synthetic built-in rules to add")
	files := flag.Int("files", 50, "Terraform files in the generated repository")
	resources := flag.Int("resources", 500, "resource instances in the generated repository")
	vigil := flag.String("vigil", "", "measure this binary instead of building one (not with -extra-rules)")
	keep := flag.Bool("keep", false, "keep the temporary directory (binary, repository, profiles)")
	flag.Parse()
	if err := run(*runs, *extra, *files, *resources, *vigil, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "startup:", err)
		os.Exit(1)
	}
}

func run(runs, extra, files, resources int, bin string, keep bool) error {
	tmp, err := os.MkdirTemp("", "vigil-startup-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Printf("kept: %s\n", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	if bin == "" {
		src, err := os.Getwd()
		if err != nil {
			return err
		}
		if extra > 0 {
			if src, err = withSyntheticRules(src, filepath.Join(tmp, "src"), extra); err != nil {
				return err
			}
		}
		bin = filepath.Join(tmp, "vigil")
		if err := goCmd(src, "build", "-o", bin, "./cmd/vigil"); err != nil {
			return err
		}
	}
	empty := filepath.Join(tmp, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		return err
	}
	repo := filepath.Join(tmp, "repo")
	st, err := tfgen.Write(repo, tfgen.Spec{Files: files, Resources: resources})
	if err != nil {
		return err
	}
	out, _ := exec.Command(bin, "rules", "list", "--format", "json").Output()
	fmt.Printf("binary: %s (%d rules listed)\n", bin, bytes.Count(out, []byte(`"id"`)))
	fmt.Printf("machine: %d CPUs, %s; load average %s\n", runtime.NumCPU(), runtime.Version(), loadavg())
	fmt.Printf("repository: %d files, %d resource blocks, %d instances\n\n", st.Files, st.Blocks, st.Instances)
	for _, c := range []struct{ name, dir string }{{"empty directory", empty}, {fmt.Sprintf("%d-file Terraform repository", st.Files), repo}} {
		var walls, cpus []time.Duration
		for i := 0; i < runs+1; i++ {
			cmd := exec.Command(bin, "scan", c.dir, "--no-store", "-q", "--format", "json")
			cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+tmp)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			err := cmd.Run()
			wall := time.Since(start)
			if code := cmd.ProcessState.ExitCode(); err != nil && code != 1 && code != 2 {
				return fmt.Errorf("vigil scan %s: %v: %s", c.dir, err, stderr.String())
			}
			if i == 0 {
				continue // warm the page cache
			}
			ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
			walls, cpus = append(walls, wall), append(cpus, cpu)
			fmt.Printf("%s run %d: %s wall, %s CPU\n", c.name, i, wall.Round(time.Millisecond), cpu.Round(time.Millisecond))
		}
		fmt.Printf("%s: median %s wall (best %s), median %s CPU\n\n", c.name,
			median(walls).Round(time.Millisecond), best(walls).Round(time.Millisecond), median(cpus).Round(time.Millisecond))
	}
	return nil
}

// withSyntheticRules copies the checkout at src to dst, adds n rules to
// its built-in ones and regenerates their catalog.
func withSyntheticRules(src, dst string, n int) (string, error) {
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			if d.Name() == ".git" || (rel != "." && strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		return "", err
	}
	var kinds []string
	for _, k := range model.Kinds() {
		if strings.HasPrefix(k.Name, "aws.") {
			kinds = append(kinds, k.Name)
		}
	}
	sort.Strings(kinds)
	dir := filepath.Join(dst, "policies", "aws", "zzsynthetic")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	helper := "package vigil.lib.synthetic\n\n# named holds when a resource's name is the given one.\nnamed(r, name) if r.name == name\n"
	if err := os.WriteFile(filepath.Join(dst, "policies", "lib", "synthetic.rego"), []byte(helper), 0o644); err != nil {
		return "", err
	}
	for i := 0; i < n; i++ {
		rule := fmt.Sprintf(`# METADATA
# title: Synthetic rule %[1]d
# description: A synthetic rule for the start-up benchmark.
# custom:
#   id: SYN-BENCH-%[1]d
#   severity: low
#   kinds: [%[2]s]
#   remediation: None.
#   compliance:
#     cis-aws-7.0: ["9.%[1]d"]
package vigil.rules.synthetic.r%[1]d

import data.vigil.lib.synthetic

deny contains {"msg": sprintf("synthetic rule %[1]d matched %%s", [input.name]), "path": "name"} if {
	synthetic.named(input, "synthetic-%[1]d")
	input.attributes.name != ""
}
`, i, kinds[i%len(kinds)])
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%d.rego", i)), []byte(rule), 0o644); err != nil {
			return "", err
		}
	}
	if err := goCmd(dst, "generate", "./policy"); err != nil {
		return "", err
	}
	return dst, nil
}

func goCmd(dir string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s: %w", strings.Join(args, " "), err)
	}
	return nil
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration{}, ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func best(ds []time.Duration) time.Duration {
	b := ds[0]
	for _, d := range ds {
		b = min(b, d)
	}
	return b
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}
