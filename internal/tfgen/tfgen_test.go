package tfgen

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteSizes(t *testing.T) {
	dir := t.TempDir()
	st, err := Write(dir, Spec{Files: 50, Resources: 1000})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
	mods, _ := filepath.Glob(filepath.Join(dir, "modules", "service", "*.tf"))
	if len(files)+len(mods) != st.Files || st.Files != 50 {
		t.Fatalf("files: stats %d, on disk %d+%d", st.Files, len(files), len(mods))
	}
	if st.Instances < 1000 || st.Instances > 1005 {
		t.Fatalf("instances %d, want about 1000", st.Instances)
	}
	if _, err := os.Stat(filepath.Join(dir, "variables.tf")); err != nil {
		t.Fatal(err)
	}
}
