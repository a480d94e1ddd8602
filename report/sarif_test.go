package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/vigil-sec/vigil/model"
)

// offline refuses every load: the schema is registered as a resource and
// its draft-04 metaschema is built into the library, so nothing is fetched.
type offline struct{}

func (offline) Load(url string) (any, error) { return nil, fmt.Errorf("no network in tests: %s", url) }

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.UseLoader(offline{})
	c.AssertFormat()
	if err := c.AddResource(sarifSchemaURI, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(sarifSchemaURI)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	sch := sarifSchema(t)
	empty := &model.Result{Tool: model.Tool{Name: "vigil", Version: "dev"}}
	noRegion := fixture()
	noRegion.Findings[0].Location = &model.Location{File: `sub\dir\main.tf`}
	abs := fixture()
	abs.Findings[0].Location = &model.Location{File: "/abs/path with space/main.tf", StartLine: 4}
	for name, r := range map[string]*model.Result{"fixture": fixture(), "empty": empty, "no-region": noRegion, "absolute": abs} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, "sarif", r, Options{}); err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Fatalf("SARIF does not validate: %v\n%s", err, buf.String())
			}
		})
	}
}

func TestSchemaRejectsInvalid(t *testing.T) {
	// Guards against a validator that accepts anything.
	sch := sarifSchema(t)
	inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"fatal"}]}]}`)))
	if sch.Validate(inst) == nil {
		t.Fatal("schema accepted an invalid level")
	}
}

type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID         string `json:"id"`
					Properties struct {
						SecuritySeverity string `json:"security-severity"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Locations []struct {
				PhysicalLocation *struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int `json:"startLine"`
						EndLine   int `json:"endLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
				LogicalLocations []struct {
					FullyQualifiedName string `json:"fullyQualifiedName"`
				} `json:"logicalLocations"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Suppressions        []struct {
				Kind          string `json:"kind"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
}

func decodeSARIF(t *testing.T, r *model.Result) sarifDoc {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, "sarif", r, Options{IncludePassed: true}); err != nil {
		t.Fatal(err)
	}
	var doc sarifDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestSARIFContent(t *testing.T) {
	doc := decodeSARIF(t, fixture())
	if len(doc.Runs) != 1 {
		t.Fatalf("runs = %d", len(doc.Runs))
	}
	run := doc.Runs[0]
	// Only fail and suppressed findings become results: 3 fail + 1 suppressed.
	if len(run.Results) != 4 {
		t.Fatalf("results = %d, want 4", len(run.Results))
	}
	levels := map[string]string{"AWS-S3-001": "error", "AWS-S3-002": "error", "AWS-EC2-001": "warning", "AWS-S3-003": "note"}
	for _, res := range run.Results {
		if got := run.Tool.Driver.Rules[res.RuleIndex].ID; got != res.RuleID {
			t.Errorf("ruleIndex %d points at %s, want %s", res.RuleIndex, got, res.RuleID)
		}
		if res.Level != levels[res.RuleID] {
			t.Errorf("%s level = %s, want %s", res.RuleID, res.Level, levels[res.RuleID])
		}
		if res.PartialFingerprints[fingerprintKey] == "" {
			t.Errorf("%s has no fingerprint", res.RuleID)
		}
		loc := res.Locations[0]
		if pl := loc.PhysicalLocation; pl != nil {
			if pl.Region.StartLine < 1 || pl.Region.EndLine < pl.Region.StartLine {
				t.Errorf("%s region %+v", res.RuleID, pl.Region)
			}
			live := res.RuleID == "AWS-EC2-001"
			if base := pl.ArtifactLocation.URIBaseID; live != (base == "") {
				t.Errorf("%s uriBaseId = %q", res.RuleID, base)
			}
			if live && pl.ArtifactLocation.URI != "vigil-resource/arn:aws:ec2:eu-west-1:123456789012:security-group%2Fsg-0123" {
				t.Errorf("live resource uri = %q", pl.ArtifactLocation.URI)
			}
		} else {
			// GitHub code scanning rejects results without one.
			t.Errorf("%s lacks a physical location", res.RuleID)
		}
		if len(loc.LogicalLocations) == 0 || loc.LogicalLocations[0].FullyQualifiedName == "" {
			t.Errorf("%s lacks a logical location", res.RuleID)
		}
		if suppressed := res.RuleID == "AWS-S3-003"; suppressed != (len(res.Suppressions) == 1) {
			t.Errorf("%s suppressions = %+v", res.RuleID, res.Suppressions)
		}
	}
	sev := map[string]string{}
	for _, rule := range run.Tool.Driver.Rules {
		sev[rule.ID] = rule.Properties.SecuritySeverity
	}
	want := map[string]string{"AWS-S3-001": "9.5", "AWS-S3-002": "7.0", "AWS-EC2-001": "5.0", "AWS-S3-003": "3.0"}
	for id, w := range want {
		if sev[id] != w {
			t.Errorf("%s security-severity = %q, want %q", id, sev[id], w)
		}
	}
	if _, ok := sev["AWS-S3-004"]; ok {
		t.Error("rule of an error-status finding should not be a result's rule")
	}
}

func TestSARIFFingerprintStable(t *testing.T) {
	a := fixture()
	b := fixture()
	// Moving the block must not change the identity of the alert.
	b.Findings[0].Location.StartLine, b.Findings[0].Location.EndLine = 40, 48
	fa := decodeSARIF(t, a).Runs[0].Results[0].PartialFingerprints[fingerprintKey]
	fb := decodeSARIF(t, b).Runs[0].Results[0].PartialFingerprints[fingerprintKey]
	if fa != fb {
		t.Errorf("fingerprint changed with line numbers: %s vs %s", fa, fb)
	}
	c := fixture()
	c.Findings[0].Resource.ID = "main.tf:aws_s3_bucket.other"
	if fc := decodeSARIF(t, c).Runs[0].Results[0].PartialFingerprints[fingerprintKey]; fc == fa {
		t.Error("fingerprint ignores the resource id")
	}
}

func TestSARIFFileURI(t *testing.T) {
	cases := []struct{ in, uri, base string }{
		{"main.tf", "main.tf", "%SRCROOT%"},
		{"./modules/a b/main.tf", "modules/a%20b/main.tf", "%SRCROOT%"},
		{`modules\win\main.tf`, "modules/win/main.tf", "%SRCROOT%"},
		{"/abs/x.tf", "file:///abs/x.tf", ""},
		{`C:\work\x.tf`, "file:///C:/work/x.tf", ""},
	}
	for _, c := range cases {
		got := fileURI(c.in)
		if got.URI != c.uri || got.URIBaseID != c.base {
			t.Errorf("fileURI(%q) = %+v, want %s %s", c.in, got, c.uri, c.base)
		}
	}
}
