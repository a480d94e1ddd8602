package policy

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func bucket(id, name string, versioning bool, pab *model.S3PublicAccessBlock) *model.Resource {
	return &model.Resource{ID: id, Kind: "aws.s3.bucket", Provider: "aws", Source: model.SourceTerraform,
		Attributes: &model.S3Bucket{Name: name, Versioning: model.S3Versioning{Enabled: versioning}, PublicAccessBlock: pab},
		Location:   &model.Location{File: "main.tf", StartLine: 1, EndLine: 9}}
}

func testEngine(t *testing.T, opts Options) *Engine {
	t.Helper()
	opts.NoBuiltin = true
	opts.Dirs = append(opts.Dirs, "testdata/custom")
	e, err := New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func byRule(fs []model.Finding) map[string][]model.Finding {
	out := map[string][]model.Finding{}
	for _, f := range fs {
		out[f.RuleID+"/"+f.Resource.ID] = append(out[f.RuleID+"/"+f.Resource.ID], f)
	}
	return out
}

func TestEvaluateFailPassAndEvidence(t *testing.T) {
	e := testEngine(t, Options{})
	bad := bucket("b1", "logs", false, nil)
	bad.SetAttributeLocation("versioning.enabled", model.Location{File: "main.tf", StartLine: 4, EndLine: 4})
	good := bucket("b2", "site", true, &model.S3PublicAccessBlock{BlockPublicPolicy: true})
	fs, err := e.Evaluate(context.Background(), []*model.Resource{bad, good}, EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := byRule(fs)
	f := got["TEST-S3-001/b1"]
	if len(f) != 1 || f[0].Status != model.StatusFail || f[0].Message != "bucket logs has versioning off" {
		t.Fatalf("versioning on b1: %+v", f)
	}
	if f[0].Location == nil || f[0].Location.StartLine != 4 {
		t.Errorf("location should be the attribute's line 4: %+v", f[0].Location)
	}
	if len(f[0].Evidence) != 1 || f[0].Evidence[0].Path != "versioning.enabled" || f[0].Evidence[0].Value != false {
		t.Errorf("evidence: %+v", f[0].Evidence)
	}
	if f[0].Compliance["nist-800-53-r5"][0] != "CP-9" || f[0].Remediation != "Turn versioning on." {
		t.Errorf("metadata not carried: %+v", f[0])
	}
	if p := got["TEST-S3-001/b2"]; len(p) != 1 || p[0].Status != model.StatusPass {
		t.Errorf("b2 should pass versioning: %+v", p)
	}
	if p := got["TEST-S3-002/b2"]; len(p) != 1 || p[0].Status != model.StatusPass {
		t.Errorf("b2 should pass pab: %+v", p)
	}
	if p := got["TEST-S3-002/b1"]; len(p) != 1 || p[0].Location.StartLine != 1 {
		t.Errorf("b1 pab failure should fall back to the block location: %+v", p)
	}
}

func TestUnknownValuesNeverFail(t *testing.T) {
	e := testEngine(t, Options{})
	r := bucket("b1", "logs", false, nil)
	r.MarkUnknown("versioning")
	fs, err := e.Evaluate(context.Background(), []*model.Resource{r}, EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.RuleID == "TEST-S3-001" {
			t.Fatalf("a finding decided by an unknown value was reported: %+v", f)
		}
	}
}

func TestInlineIgnoreSuppresses(t *testing.T) {
	e := testEngine(t, Options{})
	r := bucket("b1", "logs", false, nil)
	r.Ignores = []model.Ignore{{RuleID: "TEST-S3-001", Reason: "archive bucket", At: model.Location{File: "main.tf", StartLine: 2}}}
	fs, _ := e.Evaluate(context.Background(), []*model.Resource{r}, EvalOptions{})
	f := byRule(fs)["TEST-S3-001/b1"]
	if len(f) != 1 || f[0].Status != model.StatusSuppressed || !strings.Contains(f[0].SuppressedBy, "archive bucket") {
		t.Fatalf("want suppressed with reason: %+v", f)
	}
}

func TestDisableAndRerate(t *testing.T) {
	e := testEngine(t, Options{Disabled: []string{"TEST-S3-002"}, Severities: map[string]model.Severity{"TEST-S3-001": model.SeverityCritical}})
	fs, _ := e.Evaluate(context.Background(), []*model.Resource{bucket("b1", "", false, nil)}, EvalOptions{})
	for _, f := range fs {
		if f.RuleID == "TEST-S3-002" {
			t.Fatalf("disabled rule ran: %+v", f)
		}
		if f.RuleID == "TEST-S3-001" && f.Severity != model.SeverityCritical {
			t.Fatalf("re-rating ignored: %v", f.Severity)
		}
	}
	if _, err := New(context.Background(), Options{NoBuiltin: true, Dirs: []string{"testdata/custom"}, Disabled: []string{"NOPE-1"}}); err == nil {
		t.Fatal("disabling an unknown rule id should be an error")
	}
}

func TestBatchesMatchSingleEvaluation(t *testing.T) {
	e := testEngine(t, Options{})
	var rs []*model.Resource
	for i := 0; i < 700; i++ {
		rs = append(rs, bucket(string(rune('a'+i%26))+strings.Repeat("x", i), "n", i%3 == 0, nil))
	}
	small, _ := e.Evaluate(context.Background(), rs, EvalOptions{BatchSize: 1, Workers: 1})
	big, _ := e.Evaluate(context.Background(), rs, EvalOptions{BatchSize: 300, Workers: 2})
	if len(small) != len(big) || len(big) != 700*2 {
		t.Fatalf("batching changed results: %d vs %d", len(small), len(big))
	}
	fails := 0
	for _, f := range big {
		if f.RuleID == "TEST-S3-001" && f.Status == model.StatusFail {
			fails++
		}
	}
	if fails != 700-234 {
		t.Fatalf("want %d versioning failures, got %d", 700-234, fails)
	}
}

func TestMetadataErrorsNameTheFile(t *testing.T) {
	_, err := New(context.Background(), Options{NoBuiltin: true, Dirs: []string{"testdata/bad"}})
	if err == nil || !strings.Contains(err.Error(), "nometa.rego") || !strings.Contains(err.Error(), "METADATA") {
		t.Fatalf("want an error naming the file and the missing metadata, got %v", err)
	}
}

func TestNoVerdictOnUnknownReads(t *testing.T) {
	e, err := New(context.Background(), Options{NoBuiltin: true, Dirs: []string{"testdata/reads"}})
	if err != nil {
		t.Fatal(err)
	}
	on, off := true, false
	region := func(id string, v *bool) *model.Resource {
		r := &model.Resource{ID: id, Kind: "aws.region", Provider: "aws", Source: model.SourceLive,
			Attributes: &model.AWSRegion{GuardDutyEnabled: v}}
		if v == nil {
			r.MarkUnknown("guardduty_enabled")
		}
		return r
	}
	fs, err := e.Evaluate(context.Background(), []*model.Resource{region("on", &on), region("off", &off), region("unread", nil)}, EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]model.Status{}
	for _, f := range fs {
		got[f.Resource.ID] = f.Status
	}
	if got["on"] != model.StatusPass || got["off"] != model.StatusFail {
		t.Errorf("known facts: %v", got)
	}
	if s, ok := got["unread"]; ok {
		t.Errorf("a fact that could not be read must get no verdict, got %s", s)
	}
}

// Prepare compiles the rules of kinds ahead of Evaluate (as a scan does
// while it reads), from another goroutine too; what Evaluate then finds is
// what it finds without.
func TestPrepareAheadChangesNothing(t *testing.T) {
	rs := []*model.Resource{bucket("b1", "logs", false, nil), bucket("b2", "site", true, &model.S3PublicAccessBlock{BlockPublicPolicy: true})}
	plain, err := testEngine(t, Options{}).Evaluate(context.Background(), rs, EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e := testEngine(t, Options{})
	done := make(chan error)
	go func() { done <- e.Prepare(context.Background(), []string{"aws.s3.bucket", "aws.no.such_kind"}) }()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if e.groups["aws.s3.bucket"] == nil {
		t.Fatal("Prepare left the bucket rules uncompiled")
	}
	ahead, err := e.Evaluate(context.Background(), rs, EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plain) == 0 || !reflect.DeepEqual(byRule(plain), byRule(ahead)) {
		t.Errorf("findings after Prepare differ:\n%+v\nwithout:\n%+v", ahead, plain)
	}
}
