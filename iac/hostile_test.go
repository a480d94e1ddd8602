package iac

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigil-sec/vigil/iac/file"
)

// The probes of issue 8 ("hostile input is bounded"): each must end, with
// a warning naming the file (and the line where there is one), and the
// good files beside it must still give their resources. Speed and memory
// are measured by a command (see the README), not here; the deadline only
// turns a regression into a failure instead of a hung CI.

// loadWithGood loads dir after adding one good file of each type.
func loadWithGood(t *testing.T, dir string) *Result {
	t.Helper()
	write(t, filepath.Join(dir, "good", "main.tf"), bucketTF)
	write(t, filepath.Join(dir, "good", "app.yaml"), deployYAML)
	write(t, filepath.Join(dir, "good", "stack.yaml"), cfnYAML)
	done := make(chan *Result, 1)
	go func() { done <- Load(context.Background(), dir, []string{dir}, Options{}) }()
	select {
	case r := <-done:
		if k := kinds(r); k["aws.s3.bucket"] < 1 || k["kubernetes.deployment"] < 1 || k["aws.sqs.queue"] != 1 {
			t.Errorf("the good files must still be scanned: %v", k)
		}
		return r
	case <-time.After(60 * time.Second):
		t.Fatal("the scan did not end within a minute")
		return nil
	}
}

func wantError(t *testing.T, r *Result, prefix, text string) {
	t.Helper()
	for _, e := range r.Errors {
		if strings.HasPrefix(e.Error(), prefix) && strings.Contains(e.Error(), text) {
			return
		}
	}
	t.Errorf("want a warning %q... containing %q, got:\n%s", prefix, text, errorsText(r))
}

func TestProbeDeepNesting(t *testing.T) {
	n := 100000
	brackets := strings.Repeat("[", n) + strings.Repeat("]", n)
	dir := t.TempDir()
	write(t, filepath.Join(dir, "tf", "deep.tf"), "locals {\n  x = "+brackets+"\n}\n")
	write(t, filepath.Join(dir, "tfjson", "deep.tf.json"), `{"locals": {"x": `+brackets+"}}")
	write(t, filepath.Join(dir, "plan.json"), `{"format_version": "1.2", "terraform_version": "1.9.0", "planned_values": {"root_module": {"resources": [{"address": "a.b", "values": {"x":`+brackets+"}}]}}}")
	write(t, filepath.Join(dir, "cfn.json"), `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"X": `+
		strings.Repeat("[", 25000)+strings.Repeat("]", 25000)+"}}}}")
	write(t, filepath.Join(dir, "cfn-flow.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: "+brackets+"\n")
	var block strings.Builder
	block.WriteString("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n")
	for i := 1; i < 2000; i++ {
		block.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	write(t, filepath.Join(dir, "cfn-block.yaml"), block.String())
	write(t, filepath.Join(dir, "pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: "+brackets+"\n---\n"+deployYAML)
	r := loadWithGood(t, dir)
	const msg = "nesting deeper than 500 levels"
	wantError(t, r, "tf/deep.tf:2: ", msg)
	wantError(t, r, "tfjson/deep.tf.json:1: ", msg)
	wantError(t, r, "plan.json:1: ", msg)
	wantError(t, r, "cfn.json:1: ", msg)
	wantError(t, r, "cfn-flow.yaml:6: ", msg)
	wantError(t, r, "cfn-block.yaml:", msg)
	wantError(t, r, "pod.yaml:5: ", msg)
	if k := kinds(r); k["kubernetes.deployment"] != 2 {
		t.Errorf("the good document after the deep one must be scanned: %v", k)
	}
}

func TestProbeHugeForEach(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "tf", "main.tf"), `locals {
  xs = flatten([for i in range(1000) : [for j in range(1000) : "${i}-${j}"]])
}
resource "aws_s3_bucket" "b" {
  for_each = toset(local.xs)
  bucket   = each.key
}
`)
	r := loadWithGood(t, dir)
	wantError(t, r, "tf/main.tf:2: ", "work limit")
}

func TestProbeHugeKubernetesList(t *testing.T) {
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: List\nitems:\n")
	for i := 0; b.Len() < 9_800_000; i++ {
		fmt.Fprintf(&b, "- apiVersion: v1\n  kind: Pod\n  metadata: {name: p%d}\n  spec: {containers: [{name: c, image: nginx}]}\n", i)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "list.yaml"), b.String())
	r := loadWithGood(t, dir)
	wantError(t, r, fmt.Sprintf("list.yaml:%d: ", 4+4*file.MaxResources), "more than 5000 objects in this file")
	if n := kinds(r)["kubernetes.pod"]; n != file.MaxResources {
		t.Errorf("pods: %d", n)
	}
}

func TestProbeHugeTerraformFile(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 9_900_000; i++ {
		fmt.Fprintf(&b, "resource \"aws_s3_bucket\" \"b%d\" {\n  bucket = \"bucket-%d\"\n  tags = {\n    Name = \"b%d\"\n    Env  = \"prod\"\n  }\n}\n", i, i, i)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "big", "main.tf"), b.String())
	r := loadWithGood(t, dir)
	wantError(t, r, fmt.Sprintf("big/main.tf:%d: ", 1+7*file.MaxResources), "more than 5000 resource and data blocks")
	if n := kinds(r)["aws.s3.bucket"]; n != file.MaxResources+1 {
		t.Errorf("buckets: %d", n)
	}
}

func TestProbeBinaryFiles(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	names := []string{"a.tf", "b.yaml", "c.json", "d.template", "e.tf.json"}
	dir := t.TempDir()
	for _, n := range names {
		bin := make([]byte, 200_000)
		rng.Read(bin)
		write(t, filepath.Join(dir, "bin", n), string(bin))
	}
	r := loadWithGood(t, dir)
	for _, n := range names {
		wantError(t, r, "bin/"+n+": ", "not a text file")
	}
	if len(r.Errors) != len(names) {
		t.Errorf("one warning per binary file, got %d:\n%s", len(r.Errors), errorsText(r))
	}
}

func TestWarningsPerFileAreCapped(t *testing.T) {
	dir := t.TempDir()
	// Text, but not HCL: a complaint per line.
	write(t, filepath.Join(dir, "noise", "main.tf"), strings.Repeat("= = = ; @ ~\n", 3000))
	r := loadWithGood(t, dir)
	n := 0
	for _, e := range r.Errors {
		if strings.HasPrefix(e.Error(), "noise/main.tf") {
			n++
		}
	}
	if n != file.MaxErrorsPerFile+1 {
		t.Errorf("want %d warnings for the file, got %d", file.MaxErrorsPerFile+1, n)
	}
	wantError(t, r, "noise/main.tf: ", "more problems in this file not shown")
}

// TestProbeDenseFiles: 9 MB of one flat list, the densest text there is,
// in each syntax. Parsed, it took 1 to 4 GB.
func TestProbeDenseFiles(t *testing.T) {
	list := "[" + strings.Repeat("1,", 4_500_000) + "1]"
	dir := t.TempDir()
	write(t, filepath.Join(dir, "tf", "main.tf"), "locals {\n  x = "+list+"\n}\n")
	write(t, filepath.Join(dir, "tfjson", "main.tf.json"), `{"locals": {"x": `+list+"}}")
	write(t, filepath.Join(dir, "pods.yaml"), deployYAML+"---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  x: "+list+"\n")
	write(t, filepath.Join(dir, "cfn.json"), `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"X": `+list+"}}}}")
	r := loadWithGood(t, dir)
	const msg = "more than 2000000 tokens"
	wantError(t, r, "tf/main.tf:1: ", msg)
	wantError(t, r, "tfjson/main.tf.json:1: ", msg)
	wantError(t, r, "pods.yaml:16: ", msg)
	wantError(t, r, "cfn.json:1: ", msg)
	if k := kinds(r); k["kubernetes.deployment"] != 2 {
		t.Errorf("the document before the dense one must be scanned: %v", k)
	}
}
