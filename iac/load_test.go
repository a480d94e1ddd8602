package iac

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func errorsText(r *Result) string {
	var b strings.Builder
	for _, e := range r.Errors {
		b.WriteString(e.Error() + "\n")
	}
	return b.String()
}

func kinds(r *Result) map[string]int {
	out := map[string]int{}
	for _, x := range r.Resources {
		out[x.Kind]++
	}
	return out
}

const bucketTF = `resource "aws_s3_bucket" "b" {
  bucket = "b"
}
`

const deployYAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx
`

const cfnYAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Q:
    Type: AWS::SQS::Queue
`

func TestLoadClassifiesEveryIaCType(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "tf", "main.tf"), bucketTF)
	write(t, filepath.Join(dir, "k8s", "app.yaml"), deployYAML)
	write(t, filepath.Join(dir, "cfn", "stack.yaml"), cfnYAML)
	write(t, filepath.Join(dir, "other", "values.yaml"), "replicas: 3\n")
	write(t, filepath.Join(dir, "node_modules", "x", "main.tf"), bucketTF)
	write(t, filepath.Join(dir, "chart", "Chart.yaml"), "name: c\n")
	write(t, filepath.Join(dir, "chart", "templates", "d.yaml"), "{{ .Values.x }}\n")
	r := Load(context.Background(), dir, []string{dir}, Options{})
	if errorsText(r) != "" {
		t.Fatalf("unexpected errors:\n%s", errorsText(r))
	}
	k := kinds(r)
	if k["aws.s3.bucket"] != 1 || k["kubernetes.deployment"] != 1 || k["aws.sqs.queue"] != 1 {
		t.Fatalf("kinds: %v", k)
	}
	for _, x := range r.Resources {
		if x.Location == nil || strings.HasPrefix(x.Location.File, "/") {
			t.Errorf("%s: location should be relative to the base: %+v", x.ID, x.Location)
		}
	}
}

func TestMalformedFileIsReportedAndTheRestScanned(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "good", "main.tf"), bucketTF)
	write(t, filepath.Join(dir, "bad", "main.tf"), "resource \"aws_s3_bucket\" \"x\" {\n  bucket = \n")
	write(t, filepath.Join(dir, "k8s.yaml"), deployYAML+"---\napiVersion: v1\nkind: Pod\nmetadata: [unclosed\n")
	r := Load(context.Background(), dir, []string{dir}, Options{})
	errs := errorsText(r)
	if !strings.Contains(errs, "bad/main.tf:") || !strings.Contains(errs, "k8s.yaml:") {
		t.Fatalf("want file:line errors for both bad files, got:\n%s", errs)
	}
	if k := kinds(r); k["aws.s3.bucket"] != 1 || k["kubernetes.deployment"] != 1 {
		t.Fatalf("the good resources must still be scanned: %v", k)
	}
}

func TestSymlinkLoopIsBoundedAndReported(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a", "main.tf"), bucketTF)
	if err := os.Symlink(dir, filepath.Join(dir, "a", "loop")); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	done := make(chan *Result, 1)
	go func() { done <- Load(context.Background(), dir, []string{dir}, Options{}) }()
	select {
	case r := <-done:
		if !strings.Contains(errorsText(r), "symlink loop") {
			t.Fatalf("want a symlink loop error, got:\n%s", errorsText(r))
		}
		if kinds(r)["aws.s3.bucket"] != 1 {
			t.Fatalf("bucket scanned once: %v", kinds(r))
		}
	case <-time.After(20 * time.Second):
		t.Fatal("walk did not terminate on a symlink loop")
	}
}

func TestUnreadableDirectoryIsReported(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read any directory")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "locked", "main.tf"), bucketTF)
	write(t, filepath.Join(dir, "open", "main.tf"), bucketTF)
	if err := os.Chmod(filepath.Join(dir, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Join(dir, "locked"), 0o755)
	r := Load(context.Background(), dir, []string{dir}, Options{})
	if !strings.Contains(errorsText(r), "locked: cannot read directory: permission denied") {
		t.Fatalf("errors:\n%s", errorsText(r))
	}
	if kinds(r)["aws.s3.bucket"] != 1 {
		t.Fatalf("the readable directory must still be scanned: %v", kinds(r))
	}
}

func TestLargeFileIsSkippedWithError(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "big.yaml"), deployYAML+strings.Repeat("# padding\n", 2000))
	r := Load(context.Background(), dir, []string{dir}, Options{MaxFileSize: 1024})
	if !strings.Contains(errorsText(r), "big.yaml: file is") || len(r.Resources) != 0 {
		t.Fatalf("errors %q resources %d", errorsText(r), len(r.Resources))
	}
}

func TestMissingTargetIsAnError(t *testing.T) {
	dir := t.TempDir()
	r := Load(context.Background(), dir, []string{filepath.Join(dir, "nope")}, Options{})
	if !strings.Contains(errorsText(r), "nope: no such file or directory") {
		t.Fatalf("errors: %q", errorsText(r))
	}
}

func TestExclude(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "keep", "main.tf"), bucketTF)
	write(t, filepath.Join(dir, "skip", "main.tf"), bucketTF)
	r := Load(context.Background(), dir, []string{dir}, Options{Exclude: []string{"skip"}})
	if kinds(r)["aws.s3.bucket"] != 1 {
		t.Fatalf("exclude ignored: %v", kinds(r))
	}
}

func TestBrokenSymlinkIsReported(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf"), bucketTF)
	if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "dangling.tf")); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	r := Load(context.Background(), dir, []string{dir}, Options{})
	if !strings.Contains(errorsText(r), "dangling.tf: broken symlink") || kinds(r)["aws.s3.bucket"] != 1 {
		t.Fatalf("errors:\n%s\nkinds %v", errorsText(r), kinds(r))
	}
}

func TestBrokenManifestIsReportedNotSkipped(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: [\n")
	write(t, filepath.Join(dir, "ci.yaml"), "steps: [\n")
	r := Load(context.Background(), dir, []string{dir}, Options{})
	errs := errorsText(r)
	if !strings.Contains(errs, "pod.yaml:") {
		t.Fatalf("a malformed manifest must be reported, got:\n%s", errs)
	}
	if strings.Contains(errs, "ci.yaml") {
		t.Fatalf("a malformed YAML file that is no manifest is not ours to report:\n%s", errs)
	}
}
