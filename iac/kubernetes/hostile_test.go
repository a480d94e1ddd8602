package kubernetes

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/model"
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

// TestListItemsOneByOneEqualWhole: a List cut into items gives what the
// List decoded whole gives (a trailing "&" comment forces the whole path),
// but for end lines, which are now each item's own: the whole path ends an
// item where the next one's first key is, and the last one where the
// document ends.
func TestListItemsOneByOneEqualWhole(t *testing.T) {
	for _, src := range []string{
		"apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a, namespace: n}\n  spec:\n    containers:\n    - name: c\n      image: x:1\n      args:\n      - |\n        - not an item\n        items:\n      securityContext: {privileged: true}\n\n# between\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata: {name: s}\n",
		"apiVersion: v1\nitems:\n  - apiVersion: rbac.authorization.k8s.io/v1\n    kind: ClusterRole\n    metadata:\n      name: r\n    rules:\n      - verbs: ['*']\n        resources: ['*']\n  -\n    apiVersion: v1\n    kind: Namespace\n    metadata: {name: ns}\nkind: List\nmetadata: {resourceVersion: ''}\n",
		"apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- metadata: {name: a}\n  spec: {template: {spec: {containers: [{name: c, image: x:1}]}}}\n- metadata: {name: b}\n  spec:\n    template:\n      spec:\n        hostNetwork: true\n        containers: [{name: c, image: 'y:2'}]\n",
	} {
		split, serrs := Parse("l.yaml", []byte(src))
		whole, werrs := Parse("l.yaml", []byte(src+"# &whole\n"))
		if len(split) == 0 || len(serrs) != len(werrs) {
			t.Fatalf("resources %d, errors %v vs %v", len(split), serrs, werrs)
		}
		ends := ""
		for i := range split {
			ends += fmt.Sprintf(" %d-%d", split[i].Location.StartLine, split[i].Location.EndLine)
			split[i].Location.EndLine, whole[i].Location.EndLine = 0, 0
		}
		if got, want := dump(t, split), dump(t, whole); got != want {
			t.Errorf("item by item:\n%s\nwhole:\n%s", got, want)
		}
		if strings.Contains(src, "ClusterRole") && ends != " 3-9 11-13" {
			t.Errorf("item lines:%s", ends)
		}
	}
}

func dump(t *testing.T, rs []*model.Resource) string {
	t.Helper()
	b, err := json.MarshalIndent(rs, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
