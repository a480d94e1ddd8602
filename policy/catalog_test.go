package policy

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/vigil-sec/vigil/internal/buildinfo"
	"github.com/vigil-sec/vigil/policies"
)

var updateCatalog = flag.Bool("update-catalog", false, "rewrite builtin_catalog.json from the embedded rules")

// The generated catalog must describe the embedded rules as they are: a
// stale one is not wrong (the engine derives the catalog then) but costs
// every start-up the parse of every rule. Run `go generate ./policy`.
func TestBuiltinCatalogCurrent(t *testing.T) {
	want, err := generateCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if *updateCatalog {
		if err := os.WriteFile("builtin_catalog.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(want, builtinCatalogJSON) {
		t.Fatal("builtin_catalog.json does not describe the embedded rules: run `go generate ./policy`")
	}
}

func generateCatalog() ([]byte, error) {
	srcs, err := builtinSources()
	if err != nil {
		return nil, err
	}
	cat, err := buildCatalog(srcs)
	if err != nil {
		return nil, err
	}
	if cat.Digest, err = buildinfo.Digest(policies.FS); err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(cat, "", "\t")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
