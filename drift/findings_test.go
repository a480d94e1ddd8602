package drift

import (
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func finding(rule, bucketName string, st model.Status) model.Finding {
	return model.Finding{RuleID: rule, Severity: model.SeverityHigh, Status: st,
		Resource: model.ResourceRef{ID: "arn:aws:s3:::" + bucketName, Kind: "aws.s3.bucket", Provider: "aws",
			Account: "111111111111", Region: "us-east-1"}}
}

func rules(fs []FindingRef) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.RuleID+" "+f.Resource.ID)
	}
	return out
}

func TestFindingsLifecycle(t *testing.T) {
	before := []model.Finding{
		finding("S3-1", "a", model.StatusFail),    // still failing
		finding("S3-2", "a", model.StatusFail),    // fixed: passes now
		finding("S3-3", "a", model.StatusPass),    // fails now, never resolved: new
		finding("S3-4", "a", model.StatusPass),    // fails now, resolved last month: reopened
		finding("S3-5", "a", model.StatusFail),    // the rule errs now: stale
		finding("S3-6", "a", model.StatusFail),    // accepted now: not a movement
		finding("S3-1", "gone", model.StatusFail), // bucket deleted: resolved
	}
	after := []model.Finding{
		finding("S3-1", "a", model.StatusFail),
		finding("S3-2", "a", model.StatusPass),
		finding("S3-3", "a", model.StatusFail),
		finding("S3-4", "a", model.StatusFail),
		finding("S3-5", "a", model.StatusError),
		finding("S3-6", "a", model.StatusSuppressed),
		finding("S3-7", "b", model.StatusFail), // a new bucket's finding
	}
	reopenedKey := after[3].Key()
	d := Findings(before, after, FindingOptions{Resolved: map[model.FindingKey]bool{reopenedKey: true}})
	same(t, "new", rules(d.New), []string{"S3-3 arn:aws:s3:::a", "S3-7 arn:aws:s3:::b"})
	same(t, "reopened", rules(d.Reopened), []string{"S3-4 arn:aws:s3:::a"})
	same(t, "resolved", rules(d.Resolved), []string{"S3-1 arn:aws:s3:::gone", "S3-2 arn:aws:s3:::a"})
	same(t, "stale", rules(d.Stale), []string{"S3-5 arn:aws:s3:::a"})
	if d.StillFailing != 1 {
		t.Errorf("still failing %d, want 1", d.StillFailing)
	}
	if d.Stale[0].Why != WhyError {
		t.Errorf("why %q", d.Stale[0].Why)
	}
}

// A finding whose resource could not be read is stale, never resolved;
// nor is one whose resource is there but no longer judged (its rule reads
// an unknown attribute).
func TestFindingsNeverResolvedByAGap(t *testing.T) {
	before := []model.Finding{finding("S3-1", "a", model.StatusFail), finding("S3-1", "b", model.StatusFail)}
	failed := []model.UnitOutcome{{Unit: model.Unit{Provider: "aws", Account: "111111111111", Service: "s3"},
		Status: model.UnitFailed, Kinds: []string{"aws.s3.bucket"}, Unread: []string{"aws.s3.bucket"}}}
	d := Findings(before, nil, FindingOptions{Units: failed})
	same(t, "stale", rules(d.Stale), []string{"S3-1 arn:aws:s3:::a", "S3-1 arn:aws:s3:::b"})
	same(t, "resolved", rules(d.Resolved), nil)

	complete := []model.UnitOutcome{{Unit: failed[0].Unit, Status: model.UnitPartial, Kinds: []string{"aws.s3.bucket"}}}
	stillThere := []*model.Resource{bucket("a", true, nil)}
	d = Findings(before, nil, FindingOptions{Units: complete, After: stillThere})
	same(t, "stale", rules(d.Stale), []string{"S3-1 arn:aws:s3:::a"})
	same(t, "resolved (b was read absent)", rules(d.Resolved), []string{"S3-1 arn:aws:s3:::b"})
	if d.Stale[0].Why != WhyNoVerdict {
		t.Errorf("why %q", d.Stale[0].Why)
	}
}

// Keys, not positions or messages, identify a finding: a reworded message
// or a moved line is the same finding.
func TestFindingsByKey(t *testing.T) {
	a := finding("S3-1", "a", model.StatusFail)
	b := a
	b.Message = "reworded"
	b.Location = nil
	d := Findings([]model.Finding{a}, []model.Finding{b}, FindingOptions{})
	if d.StillFailing != 1 || len(d.New)+len(d.Resolved) != 0 {
		t.Errorf("%+v", d)
	}
}
