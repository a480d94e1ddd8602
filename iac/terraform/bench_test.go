package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeEstate writes a configuration of 10,000 resources in 500 files: a
// root module of 450 files and a local module of 50, with variables,
// locals, count and cross-resource references.
func writeEstate(tb testing.TB, dir string) {
	tb.Helper()
	gen := func(path string, file, n int, prefix string) {
		var b strings.Builder
		for i := 0; i < n; i += 2 {
			name := fmt.Sprintf("b%d_%d", file, i)
			fmt.Fprintf(&b, `resource "aws_s3_bucket" %q {
  bucket = "${var.env}-%s-${local.suffix}"
  tags   = merge(local.tags, { Name = %q })
  versioning {
    enabled = var.env == "prod"
  }
}

resource "aws_s3_bucket_acl" %q {
  count  = 1
  bucket = aws_s3_bucket.%s.id
  acl    = count.index == 0 ? "private" : "public-read"
}

`, name, name, prefix+name, name, name)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	common := `variable "env" {
  default = "prod"
}

locals {
  suffix = lower("DATA")
  tags   = { Env = var.env, Owner = "team" }
}
`
	mod := filepath.Join(dir, "modules", "store")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		tb.Fatal(err)
	}
	for f := 0; f < 450; f++ {
		gen(filepath.Join(dir, fmt.Sprintf("r%03d.tf", f)), f, 20, "")
	}
	for f := 0; f < 50; f++ {
		gen(filepath.Join(mod, fmt.Sprintf("m%03d.tf", f)), f, 20, "m-")
	}
	write(tb.(interface {
		Helper()
		Fatal(...any)
	}), filepath.Join(dir, "vars.tf"), common+"module \"store\" {\n  source = \"./modules/store\"\n  env = var.env\n}\n")
	write(tb.(interface {
		Helper()
		Fatal(...any)
	}), filepath.Join(mod, "vars.tf"), common)
}

func BenchmarkScan10k(b *testing.B) {
	dir := b.TempDir()
	writeEstate(b, dir)
	dirs := []string{dir, filepath.Join(dir, "modules", "store")}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		insts, errs := Scan(dir, append(dirs, dir), Options{})
		if len(insts) != 10000 || len(errs) != 0 {
			b.Fatalf("instances %d errors %v", len(insts), errs)
		}
	}
}
