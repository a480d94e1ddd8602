package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// chain is n locals, each reading the one before.
func chain(n int) string {
	var b strings.Builder
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "  a%d = local.a%d + 1\n", i, i-1)
	}
	return b.String()
}

func FuzzParseHCL(f *testing.F) {
	for _, p := range []string{"testdata/eval/main.tf", "testdata/expand/main.tf", "testdata/modules/main.tf"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`locals { a = local.a }
resource "x" "y" { count = -1
  v = [for i in range(5) : { k = i }][*].k
  dynamic "d" { for_each = null
    content {} }
}`))
	f.Add([]byte(`module "m" { source = "./" }` + "\n" + `resource "a" "b" { for_each = toset([1, 2]) v = each.value }`))
	// Hostile shapes (small, so that fuzzing stays fast): nesting just past
	// the limit, operator chains, a for_each over a built collection,
	// values that grow, chained references, binary bytes.
	f.Add([]byte("locals {\n  x = " + strings.Repeat("[", 501) + strings.Repeat("]", 501) + "\n}\n"))
	f.Add([]byte("locals {\n  x = 1" + strings.Repeat(" + 1", 501) + "\n  y = " + strings.Repeat("!", 501) + "true\n  z = 1" + strings.Repeat("-1", 501) + "\n}\n"))
	f.Add([]byte("locals {\n  x = \"" + strings.Repeat("${\"", 300) + strings.Repeat("\"}", 300) + "\"\n}\n"))
	f.Add([]byte(`locals {
  xs = flatten([for i in range(30) : [for j in range(30) : "${i}-${j}"]])
  s1 = "${local.s0}${local.s0}"
  s0 = format("%0100d", 0)
  p  = setproduct(range(100), range(100))
}
resource "aws_s3_bucket" "b" {
  for_each = toset(local.xs)
  bucket   = "${each.key}${local.s1}"
}`))
	f.Add([]byte("locals {\n  a0 = 1\n" + chain(600) + "}\n"))
	f.Add([]byte("resource \"a\" \"b\" {\x00\xff\xfe}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		insts, _ := Scan(dir, []string{dir}, Options{})
		for _, in := range insts {
			if in.Values == nil || in.File != "main.tf" {
				t.Fatalf("bad instance %+v", in)
			}
		}
	})
}
