package main

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const azureGoogleTF = `resource "azurerm_storage_account" "a" {
  count = 3
  name  = "a${count.index}"
}
resource "google_storage_bucket" "b" {
  name = "b"
}
`

// A Terraform tree of Azure and Google resources is not a clean scan of
// nothing: it exits 2, and standard error and every format name the types
// not judged with their counts.
func TestUnmappedTreeIsNothingScannedByName(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(azureGoogleTF), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	r, code, errs := scanEveryFormat(t, "scan", "-q", ".")
	if code != exitNoScan {
		t.Fatalf("exit %d, want %d: %s", code, exitNoScan, errs)
	}
	const why = "4 resources of types Vigil does not map yet: azurerm_storage_account (3), google_storage_bucket (1)"
	if !strings.Contains(errs, "nothing scanned: 1 IaC file found under ., but nothing Vigil can judge: "+why) {
		t.Errorf("standard error: %s", errs)
	}
	checkNotJudged(t, r, map[string]int{"azurerm_storage_account": 3, "google_storage_bucket": 1})
	for f, text := range r {
		if !strings.Contains(text, why) {
			t.Errorf("%s does not say why nothing was scanned:\n%s", f, text)
		}
	}
}

// A scan that judged something still counts what it could not judge, in
// every format, without changing the exit code: a missing module, an
// unmapped type, a Helm chart.
func TestNotJudgedInEveryFormat(t *testing.T) {
	src, _ := filepath.Abs("../../examples/terraform")
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	extra := map[string]string{
		"azure.tf":                    "resource \"azurerm_storage_account\" \"a\" {\n  name = \"a\"\n}\n",
		"mods.tf":                     "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n",
		"charts/web/Chart.yaml":       "apiVersion: v2\nname: web\nversion: 0.1.0\n",
		"charts/web/values.yaml":      "image: nginx\n",
		"charts/web/templates/d.yaml": "kind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n",
	}
	for p, text := range extra {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir) // paths in the report are relative to the working directory
	r, code, errs := scanEveryFormat(t, "scan", "-q", ".")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	checkNotJudged(t, r, map[string]int{"azurerm_storage_account": 1, "terraform-aws-modules/vpc/aws": 1, "charts/web": 1})
	for _, want := range []string{"Not judged: no rule saw these", "  1 resource of a type Vigil does not map yet: azurerm_storage_account (1)",
		"  1 module not found: terraform-aws-modules/vpc/aws", "  1 chart not rendered: charts/web (helm)"} {
		if !strings.Contains(r["table"], want+"\n") {
			t.Errorf("table lacks %q:\n%s", want, r["table"])
		}
	}
}

// checkNotJudged asserts that each format carries each name with its
// count: JSON summary.not_judged, a CSV not_judged row, a skipped JUnit
// testcase, a SARIF notification with the count.
func checkNotJudged(t *testing.T, r reports, want map[string]int) {
	t.Helper()
	var doc struct {
		Summary struct {
			NotJudged []struct {
				Name  string `json:"name"`
				Count int    `json:"count"`
			} `json:"not_judged"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(r["json"]), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, u := range doc.Summary.NotJudged {
		got[u.Name] = u.Count
	}
	same(t, "json", got, want)

	rows, err := csv.NewReader(strings.NewReader(r["csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got = map[string]int{}
	for _, row := range rows[1:] {
		if row[3] == "not_judged" {
			name := row[5] + row[4] // the type, or the module or chart
			got[name]++
			if !strings.Contains(row[13], name) {
				t.Errorf("csv row of %s says %q", name, row[13])
			}
		}
	}
	ones := map[string]int{} // one row, testcase or notification each
	for name := range want {
		ones[name] = 1
	}
	same(t, "csv", got, ones)

	var ju struct {
		Skipped int `xml:"skipped,attr"`
		Suites  []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Skipped *struct {
					Message string `xml:"message,attr"`
				} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(r["junit"]), &ju); err != nil {
		t.Fatal(err)
	}
	got = map[string]int{}
	for _, s := range ju.Suites {
		if s.Name != "vigil.not-judged" {
			continue
		}
		for _, c := range s.Cases {
			if c.Skipped != nil {
				got[c.Name]++
			}
		}
	}
	same(t, "junit", got, ones)
	if ju.Skipped < len(want) {
		t.Errorf("junit: %d skipped in all, want at least %d", ju.Skipped, len(want))
	}

	var sarif struct {
		Runs []struct {
			Invocations []struct {
				Notifications []struct {
					Properties map[string]string `json:"properties"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r["sarif"]), &sarif); err != nil {
		t.Fatal(err)
	}
	got = map[string]int{}
	for _, inv := range sarif.Runs[0].Invocations {
		for _, n := range inv.Notifications {
			if n.Properties["notJudged"] != "" && n.Properties["count"] != "" {
				got[n.Properties["name"]]++
			}
		}
	}
	same(t, "sarif", got, ones)
}

func same(t *testing.T, format string, got, want map[string]int) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: not judged %v, want %v", format, got, want)
		return
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: not judged %v, want %v", format, got, want)
			return
		}
	}
}
