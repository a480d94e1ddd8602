package kubernetes

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/iac/file"
)

const goodPod = "apiVersion: v1\nkind: Pod\nmetadata: {name: good}\nspec: {containers: [{name: c, image: nginx}]}\n"

func TestDeepDocumentIsSkippedOthersRead(t *testing.T) {
	deep := "apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\n  labels: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"
	var block strings.Builder
	block.WriteString("apiVersion: v1\nkind: Pod\nmetadata:\n  name: block\n")
	for i := 1; i < 1000; i++ {
		block.WriteString(strings.Repeat(" ", i+1) + "k:\n")
	}
	src := goodPod + "---\n" + deep + "---\n" + block.String() + "---\n" + strings.Replace(goodPod, "good", "after", 1)
	rs, errs := Parse("deep.yaml", []byte(src))
	if len(rs) != 2 || rs[0].Name != "good" || rs[1].Name != "after" {
		t.Errorf("resources: %v", rs)
	}
	if len(errs) != 2 || !strings.HasPrefix(errs[0].Error(), "deep.yaml:10: nesting deeper than") || !strings.HasPrefix(errs[1].Error(), "deep.yaml:") {
		t.Errorf("errors: %v", errs)
	}
	json := `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j", "x": ` + strings.Repeat("{\"a\":", 20000) + "1" + strings.Repeat("}", 20000) + "}}"
	if rs, errs := Parse("deep.json", []byte(json)); len(rs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "nesting deeper than") {
		t.Errorf("json: %v %v", rs, errs)
	}
}

func TestBinaryManifestIsOneError(t *testing.T) {
	data := []byte(goodPod + "\x00\x01\x02" + strings.Repeat("\xff", 1000))
	rs, errs := Parse("bin.yaml", data)
	if len(rs) != 0 || len(errs) != 1 || errs[0].Error() != "bin.yaml: not a text file (binary content); skipped" {
		t.Errorf("got %v %v", rs, errs)
	}
}

func TestObjectsPerFileAreBounded(t *testing.T) {
	var list, docs strings.Builder
	list.WriteString("apiVersion: v1\nkind: List\nitems:\n")
	for i := 0; i < file.MaxResources+10; i++ {
		fmt.Fprintf(&list, "- {apiVersion: v1, kind: Pod, metadata: {name: p%d}}\n", i)
		fmt.Fprintf(&docs, "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: s%d}\n", i)
	}
	for _, tc := range []struct {
		name, src string
		line      int
	}{
		{"list", list.String(), 4 + file.MaxResources},
		{"documents", docs.String(), 1 + 4*file.MaxResources},
	} {
		rs, errs := Parse("many.yaml", []byte(tc.src))
		if len(rs) != file.MaxResources {
			t.Errorf("%s: %d resources", tc.name, len(rs))
		}
		want := fmt.Sprintf("many.yaml:%d: more than %d objects in this file", tc.line, file.MaxResources)
		if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), want) {
			t.Errorf("%s: want %q, got %v", tc.name, want, errs)
		}
	}
}
