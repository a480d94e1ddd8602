package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"github.com/vigil-sec/vigil/internal/safetext"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func TestJUnitCounts(t *testing.T) {
	r := fixture()
	// A control character XML cannot carry must not break the document.
	r.Findings[0].Message = "bad \x1b[31m value \x00"
	var buf bytes.Buffer
	if err := Write(&buf, "junit", r, Options{}); err != nil {
		t.Fatal(err)
	}
	var doc junitSuites
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("junit output does not parse: %v\n%s", err, buf.String())
	}
	// 6 findings: 3 fail, 1 error, 1 suppressed, 1 pass (passes are
	// testcases), and 2 unread inputs as errored testcases.
	if doc.Tests != 8 || doc.Failures != 3 || doc.Errors != 3 || doc.Skipped != 1 {
		t.Errorf("totals tests=%d failures=%d errors=%d skipped=%d", doc.Tests, doc.Failures, doc.Errors, doc.Skipped)
	}
	if len(doc.Suites) != 6 {
		t.Fatalf("suites = %d, want one per rule (5) and one of unread input", len(doc.Suites))
	}
	var tests, failures int
	for _, s := range doc.Suites {
		var f, e, sk int
		for _, c := range s.Cases {
			if c.ClassName != s.Name {
				t.Errorf("case %s in suite %s", c.ClassName, s.Name)
			}
			if c.Failure != nil {
				f++
			}
			if c.Error != nil {
				e++
			}
			if c.Skipped != nil {
				sk++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e || s.Skipped != sk {
			t.Errorf("suite %s counts %d/%d/%d/%d, cases say %d/%d/%d/%d",
				s.Name, s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), f, e, sk)
		}
		tests += s.Tests
		failures += s.Failures
	}
	if tests != doc.Tests || failures != doc.Failures {
		t.Errorf("suite sums %d/%d differ from totals %d/%d", tests, failures, doc.Tests, doc.Failures)
	}
	s3 := doc.Suites[1]
	if s3.Name != "AWS-S3-001" || s3.Cases[0].Failure == nil || s3.Cases[0].Failure.Type != "critical" {
		t.Errorf("AWS-S3-001 suite = %+v", s3)
	}
	if !strings.HasPrefix(s3.Cases[0].Failure.Message, "bad ") || strings.ContainsRune(s3.Cases[0].Failure.Message, 0x1b) {
		t.Errorf("failure message = %q", s3.Cases[0].Failure.Message)
	}
	if got := doc.Suites[2].Cases[0].Failure.Message; got != scriptMsg {
		t.Errorf("markup did not round-trip: %q", got)
	}
}

func TestCSVInjectionNeutralised(t *testing.T) {
	r := fixture()
	r.Findings[0].Message = "+SUM(1,2)"
	r.Findings[0].Resource.Region = "@evil"
	r.Findings[0].Resource.Account = "-1"
	r.Findings[0].Title = "\tTabbed"
	r.Findings[1].Message = "\rcarriage"
	var buf bytes.Buffer
	if err := Write(&buf, "csv", r, Options{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Errorf("header = %v", rows[0])
	}
	// Passed finding is left out without IncludePassed: 5 finding rows,
	// 2 unread inputs and 1 warning.
	if len(rows) != 9 {
		t.Fatalf("rows = %d, want 9", len(rows))
	}
	for i, row := range rows[1:] {
		if len(row) != len(csvHeader) {
			t.Fatalf("row %d has %d cells", i, len(row))
		}
		for j, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("row %d column %s starts with a formula character: %q", i, csvHeader[j], cell)
			}
		}
	}
	col := func(row []string, name string) string {
		for i, h := range csvHeader {
			if h == name {
				return row[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	checks := []struct {
		row       int
		col, want string
	}{
		{1, "message", "'+SUM(1,2)"},
		{1, "region", "'@evil"},
		{1, "account", "'-1"},
		{1, "title", " Tabbed"},
		{1, "compliance", "cis-aws-3.0:2.1.4 nist-800-53-r5:AC-21 nist-800-53-r5:AC-3"},
		{1, "start_line", "12"},
		{3, "resource_name", "'" + formulaName},
		{3, "file", ""},
		{2, "message", `\rcarriage`},
	}
	for _, c := range checks {
		if got := col(rows[c.row], c.col); got != c.want {
			t.Errorf("row %d %s = %q, want %q", c.row, c.col, got, c.want)
		}
	}
}

func TestCSVIncludePassed(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "csv", fixture(), Options{IncludePassed: true}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 10 || rows[6][3] != "pass" {
		t.Errorf("with IncludePassed want the pass row after the other findings; rows = %d", len(rows))
	}
}

func TestJSONFiltersPassed(t *testing.T) {
	for _, include := range []bool{false, true} {
		var buf bytes.Buffer
		if err := Write(&buf, "json", fixture(), Options{IncludePassed: include}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(buf.String(), `"status": "pass"`); got != include {
			t.Errorf("IncludePassed=%v: pass finding present = %v", include, got)
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, "json", &model.Result{}, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"findings": []`, `"targets": []`, `"by_severity": {}`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("empty result lacks %s:\n%s", want, buf.String())
		}
	}
	if strings.Contains(buf.String(), `"rules": [`) || strings.Contains(buf.String(), `"errors"`) {
		t.Errorf("empty rules/errors should be omitted:\n%s", buf.String())
	}
}

func TestSummarize(t *testing.T) {
	s := model.Summarize(fixture().Findings)
	if s.Fail != 3 || s.Pass != 1 || s.Suppressed != 1 || s.Error != 1 {
		t.Errorf("summary = %+v", s)
	}
	want := map[string]int{"critical": 1, "high": 1, "medium": 1, "low": 0, "info": 0}
	for k, v := range want {
		if got, ok := s.BySeverity[k]; !ok || got != v {
			t.Errorf("by_severity[%s] = %d (present %v), want %d", k, got, ok, v)
		}
	}
}

func TestTableNoEscapesFromInput(t *testing.T) {
	for _, color := range []bool{false, true} {
		var buf bytes.Buffer
		if err := Write(&buf, "table", fixture(), Options{Color: color, Details: true, IncludePassed: true}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		// Remove the styles the table itself emits; nothing else may be a control.
		for _, s := range append([]string{ansiReset, ansiBold, ansiDim}, stylesOf(badgeStyle)...) {
			out = strings.ReplaceAll(out, s, "")
		}
		for _, r := range out {
			if r == '\n' {
				continue
			}
			if r < 0x20 || r == 0x7f || safetext.Terminal(string(r)) != string(r) {
				t.Errorf("color=%v: output contains control %U", color, r)
			}
		}
		if !strings.Contains(out, `evil\x1b[2J\x1b[31mred`) {
			t.Errorf("hostile name not shown escaped:\n%s", out)
		}
		if !color && strings.Contains(buf.String(), "\x1b") {
			t.Error("ESC in output without colour")
		}
	}
}

func stylesOf(m map[model.Severity]string) []string {
	var out []string
	for _, s := range m {
		out = append(out, s)
	}
	return out
}

func TestTableSummaryLine(t *testing.T) {
	r := &model.Result{
		Summary: model.Summary{Fail: 12, Pass: 240, Suppressed: 3,
			BySeverity: map[string]int{"critical": 2, "high": 4, "medium": 5, "low": 1}},
		Scan: model.ScanInfo{Resources: 130, Rules: 97, DurationMS: 420},
	}
	want := "12 failed (2 critical, 4 high, 5 medium, 1 low), 3 suppressed, 240 passed — 130 resources, 97 rules, 0.42s"
	if got := summaryLine(r); got != want {
		t.Errorf("summary line\n got %q\nwant %q", got, want)
	}
	// Without a summary the table counts the findings it was given.
	r = &model.Result{Findings: fixture().Findings, Scan: model.ScanInfo{Resources: 1, Rules: 1}}
	want = "3 failed (1 critical, 1 high, 1 medium), 1 suppressed, 1 passed, 1 error — 1 resource, 1 rule, 0.00s"
	if got := summaryLine(r); got != want {
		t.Errorf("summary line\n got %q\nwant %q", got, want)
	}
}

func TestTableOrder(t *testing.T) {
	r := &model.Result{Findings: []model.Finding{
		{RuleID: "L", Severity: model.SeverityLow, Status: model.StatusFail, Resource: model.ResourceRef{ID: "a"}},
		{RuleID: "C2", Severity: model.SeverityCritical, Status: model.StatusFail, Resource: model.ResourceRef{ID: "z"},
			Location: &model.Location{File: "b.tf", StartLine: 1}},
		{RuleID: "C1", Severity: model.SeverityCritical, Status: model.StatusFail, Resource: model.ResourceRef{ID: "y"},
			Location: &model.Location{File: "a.tf", StartLine: 9}},
		{RuleID: "C3", Severity: model.SeverityCritical, Status: model.StatusFail, Resource: model.ResourceRef{ID: "x"}},
	}}
	var buf bytes.Buffer
	if err := Write(&buf, "table", r, Options{}); err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, line := range strings.Split(buf.String(), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && (f[0] == "CRITICAL" || f[0] == "LOW") {
			order = append(order, f[1])
		}
	}
	// Severity first; within it files by name, then resources without a file.
	if got := strings.Join(order, " "); got != "C1 C2 C3 L" {
		t.Errorf("order = %s, want C1 C2 C3 L", got)
	}
}

func TestWrap(t *testing.T) {
	got := wrap("aaa bbb ccc dddddddddd e", 7)
	want := []string{"aaa bbb", "ccc", "dddddddddd", "e"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("wrap = %q, want %q", got, want)
	}
	if got := wrap("short", 0); len(got) != 1 || got[0] != "short" {
		t.Errorf("wrap without width = %q", got)
	}
}

// A file name may hold any byte but NUL and "/": none may split a CSV row
// or reach a terminal that cats the file.
func TestCSVControlBytesInFileNames(t *testing.T) {
	r := fixture()
	r.Findings[0].Location.File = "a\nb\rc\x1b[2Jd\x00e\u202ef.tf"
	r.Errors[0].File = "x\n=HYPERLINK(\"http://evil\").tf"
	var buf bytes.Buffer
	if err := Write(&buf, "csv", r, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, c := range buf.String() {
		if c != '\n' && (c < 0x20 || c == 0x7f || safetext.Terminal(string(c)) != string(c)) {
			t.Fatalf("CSV holds control %U:\n%s", c, buf.String())
		}
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 9 {
		t.Fatalf("a file name split rows: %d lines, want 9:\n%s", len(lines), buf.String())
	}
	rows, err := csv.NewReader(strings.NewReader(buf.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[1][10]; got != `a\nb\rc\x1b[2Jd\x00e\u202ef.tf` {
		t.Errorf("file cell = %q", got)
	}
	if got := rows[6][10]; got != `x\n=HYPERLINK("http://evil").tf` {
		t.Errorf("unread file cell = %q", got)
	}
}

// What could not be read, and the warnings, reach every format: a CI job
// reading any one of them learns that the scan is incomplete.
func TestErrorsAndWarningsInEveryFormat(t *testing.T) {
	r := fixture()
	r.Findings = nil
	r.Rules = nil
	r.Scan.NothingScanned = "every account failed"
	for _, format := range Formats() {
		var buf bytes.Buffer
		if err := Write(&buf, format, r, Options{}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, want := range []string{"broken.tf", "Unclosed block", "GetBucketPolicy", "123456789012", "AWS-S3-999"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q:\n%s", format, want, out)
			}
		}
		switch format {
		case "junit":
			var doc junitSuites
			if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Errors != 2 || doc.Tests != 2 {
				t.Errorf("junit of a scan that read nothing: tests=%d errors=%d, want 2 errored tests", doc.Tests, doc.Errors)
			}
		case "sarif":
			var doc struct {
				Runs []struct {
					Invocations []struct {
						ExecutionSuccessful bool `json:"executionSuccessful"`
						Notifications       []struct {
							Level string `json:"level"`
						} `json:"toolExecutionNotifications"`
					} `json:"invocations"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			inv := doc.Runs[0].Invocations[0]
			if inv.ExecutionSuccessful || len(inv.Notifications) != 3 || inv.Notifications[0].Level != "error" || inv.Notifications[2].Level != "warning" {
				t.Errorf("sarif invocation = %+v", inv)
			}
		case "table", "json":
			if !strings.Contains(out, "every account failed") {
				t.Errorf("%s does not say why nothing was scanned:\n%s", format, out)
			}
		case "csv":
			rows, err := csv.NewReader(&buf).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			var statuses []string
			for _, row := range rows[1:] {
				statuses = append(statuses, row[3])
			}
			if strings.Join(statuses, " ") != "error error warning" {
				t.Errorf("csv statuses = %v", statuses)
			}
		}
	}
}

// What was not judged appears in every format, with its name and count,
// and hostile names are rendered as inert text.
func TestNotJudgedInEveryFormat(t *testing.T) {
	r := fixture()
	r.Summary.NotJudged = []model.Unjudged{
		{What: model.UnjudgedType, Source: "terraform", Name: "azurerm_storage_account", Count: 3, Files: []string{"az.tf"}},
		{What: model.UnjudgedModule, Source: "terraform", Name: "terraform-aws-modules/vpc/aws", Count: 1, Files: []string{"main.tf"}},
		{What: model.UnjudgedChart, Source: "helm", Name: "charts/\x1b[31mweb", Count: 1, Files: []string{"charts/web/Chart.yaml"}},
	}
	count := map[string]string{"table": "azurerm_storage_account (3)", "json": `"count": 3`, "sarif": `"count": "3"`,
		"csv": "3 resources of type azurerm_storage_account", "junit": "3 resources of type azurerm_storage_account"}
	for _, f := range Formats() {
		var buf bytes.Buffer
		if err := Write(&buf, f, r, Options{}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, want := range []string{count[f], "terraform-aws-modules/vpc/aws", "charts/"} {
			if want == "" || !strings.Contains(out, want) {
				t.Errorf("%s lacks %q:\n%s", f, want, out)
			}
		}
		if strings.Contains(out, "\x1b[31m") {
			t.Errorf("%s: a raw escape:\n%s", f, out)
		}
	}
	var buf bytes.Buffer
	_ = Write(&buf, "table", r, Options{})
	if !strings.Contains(buf.String(), "Not judged: no rule saw these\n  3 resources of types Vigil does not map yet: azurerm_storage_account (3)\n") {
		t.Errorf("table:\n%s", buf.String())
	}
}
