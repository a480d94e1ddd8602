package terraform

import (
	"os"
	"path/filepath"
	"testing"
)

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
