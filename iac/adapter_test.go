package iac

import (
	"bytes"
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

// fakeAdapter reads a format of its own: files named *.fake by name,
// and YAML files that start with "fake:" by content, per directory.
type fakeAdapter struct {
	got      *[][]string
	finished *int
}

func (fakeAdapter) Name() string { return "fake" }

func (fakeAdapter) Match(path string, head []byte) bool {
	if head == nil {
		return strings.HasSuffix(path, ".fake")
	}
	return bytes.HasPrefix(head, []byte("fake:"))
}

func (a fakeAdapter) Parse(_ context.Context, files *Files) Parsed {
	var rels []string
	for _, p := range files.Paths {
		rels = append(rels, files.Rel(p))
	}
	*a.got = append(*a.got, rels)
	var out Parsed
	for _, d := range files.Dirs() {
		out.Resources = append(out.Resources, &model.Resource{ID: files.Rel(d), Kind: "fake.dir"})
	}
	files.Each(func(rel string, data []byte) {
		if strings.Contains(string(data), "unknown") {
			out.Unjudged = append(out.Unjudged, model.Unjudged{What: model.UnjudgedType, Source: "fake", Name: "unknown", Count: 1, Files: []string{rel}})
		}
	})
	return out
}

func (a fakeAdapter) Finish(rs []*model.Resource) []*model.Resource {
	*a.finished = len(rs)
	return rs
}

// A new format is one Adapter registered: the walk gives it its files
// (by name, then by content, after the formats registered before it), with
// the shared bounds, and counts them.
func TestAnAdapterRegisteredReadsItsFiles(t *testing.T) {
	var got [][]string
	finished := -1
	saved := adapters
	adapters = append(append([]Adapter{}, saved...), fakeAdapter{got: &got, finished: &finished})
	t.Cleanup(func() { adapters = saved })

	dir := t.TempDir()
	write(t, filepath.Join(dir, "a", "one.fake"), "x")
	write(t, filepath.Join(dir, "a", "two.yaml"), "fake: unknown\n")
	write(t, filepath.Join(dir, "b", "three.fake"), "y")
	write(t, filepath.Join(dir, "b", "skip.fake"), "y")
	write(t, filepath.Join(dir, "b", "big.yaml"), "fake: "+strings.Repeat("x", 2000))
	write(t, filepath.Join(dir, "k8s.yaml"), deployYAML) // Kubernetes, registered first, keeps it
	res := Load(context.Background(), dir, []string{dir}, Options{Exclude: []string{"skip.fake"}, MaxFileSize: 1000})

	want := [][]string{{"a/one.fake", "a/two.yaml", "b/three.fake"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse got %v, want %v (one call, walk order, excluded and oversized files left out)", got, want)
	}
	if res.Files["fake"] != 3 || res.Files["kubernetes"] != 1 {
		t.Errorf("files %v, want fake 3 and kubernetes 1", res.Files)
	}
	if kinds(res)["fake.dir"] != 2 {
		t.Errorf("resources %v, want one per directory", kinds(res))
	}
	if finished != len(res.Resources) || finished == 0 {
		t.Errorf("Finish saw %d resources, want all %d", finished, len(res.Resources))
	}
	if len(res.Unjudged) != 1 || res.Unjudged[0].Name != "unknown" || res.Unjudged[0].Files[0] != "a/two.yaml" {
		t.Errorf("unjudged %+v, want the fake adapter's", res.Unjudged)
	}
	if !strings.Contains(errorsText(res), "b/big.yaml: file is") {
		t.Errorf("the shared size bound did not report big.yaml:\n%s", errorsText(res))
	}
}

// Every registered adapter has a distinct name: Result.Files and the
// sources of a scan are keyed by it.
func TestAdapterNamesAreDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range adapters {
		if a.Name() == "" || seen[a.Name()] {
			t.Errorf("adapter %T: name %q empty or taken", a, a.Name())
		}
		seen[a.Name()] = true
	}
}
