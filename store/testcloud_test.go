package store_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	testcloud "github.com/vigil-sec/vigil/internal/testcloud/aws"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
	"github.com/vigil-sec/vigil/store"
)

// A world of one account with S3 buckets that changes between scans:
// "pii" public, then fixed, then S3 denied, then public again.
const worldAccount = "111111111111"

func s3World(piiPublic bool, denyListing bool) string {
	pii := `
            - name: acme-pii
              creation_date: 2019-06-11T08:42:17Z
              public_access_block: {BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true}
              encryption: {Rules: [{ApplyServerSideEncryptionByDefault: {SSEAlgorithm: AES256}}]}`
	if piiPublic {
		pii = `
            - name: acme-pii
              creation_date: 2019-06-11T08:42:17Z
              grants:
                - grantee: {Type: Group, URI: "http://acs.amazonaws.com/groups/global/AllUsers"}
                  permission: READ`
	}
	deny := ""
	if denyListing {
		deny = "faults:\n  deny: [{service: s3, operation: ListBuckets}]\n"
	}
	return `regions: [us-east-1]
accounts:
  - id: "` + worldAccount + `"
    name: shop
    access_key: AKIATESTSTORE0000001
    resources:
      us-east-1:
        s3:
          buckets:` + pii + `
            - name: acme-logs
              creation_date: 2020-02-03T15:04:05Z
              public_access_block: {BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true}
` + deny
}

// scanWorld collects the world with the real collector through the test
// cloud, judges it with the built-in rules and returns what a scan would
// store. Until collect/aws reports model.UnitOutcome itself, the S3
// unit's outcome is derived here from its collection errors: a listing
// error (no resource, no kinds named) fails the unit.
func scanWorld(t *testing.T, e *policy.Engine, world string) scan {
	t.Helper()
	w, err := testcloud.ParseWorld([]byte(world))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(testcloud.NewServer(w))
	defer srv.Close()
	t.Setenv("AWS_CA_BUNDLE", "")
	res, err := awscollect.Collect(context.Background(), awscollect.Options{
		Services: []string{"s3"}, Regions: []string{"us-east-1"},
		LoadOptions: []func(*config.LoadOptions) error{
			config.WithRegion("us-east-1"),
			config.WithBaseEndpoint(srv.URL),
			config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(w.Accounts[0].AccessKey, "x", "")),
			config.WithSharedConfigFiles([]string{}),
			config.WithSharedCredentialsFiles([]string{}),
		}})
	if err != nil {
		t.Fatal(err)
	}
	unit := model.UnitOutcome{Unit: model.Unit{Provider: "aws", Account: worldAccount, Service: "s3"},
		Status: model.UnitComplete, Kinds: []string{"aws.s3.bucket"}}
	for _, r := range res.Resources {
		if r.Kind == "aws.s3.bucket" {
			unit.Resources++
		}
	}
	for _, ce := range res.Errors {
		if ce.Service != "s3" {
			continue
		}
		unit.Errors++
		if ce.Resource == "" && len(ce.Kinds) == 0 {
			unit.Status, unit.Unread = model.UnitFailed, unit.Kinds
		} else if unit.Status == model.UnitComplete {
			unit.Status = model.UnitPartial
		}
	}
	fs, err := e.Evaluate(context.Background(), res.Resources, policy.EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return scan{resources: res.Resources, findings: fs, units: []model.UnitOutcome{unit}}
}

func TestLifecycleAcrossTestCloudScans(t *testing.T) {
	e, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	public, fixed, denied := scanWorld(t, e, s3World(true, false)), scanWorld(t, e, s3World(false, false)), scanWorld(t, e, s3World(true, true))
	for _, r := range denied.resources {
		if r.Kind == "aws.s3.bucket" {
			t.Fatalf("the denied world lists bucket %s", r.ID)
		}
	}
	if denied.units[0].Status != model.UnitFailed {
		t.Fatalf("the denied world: unit %+v", denied.units[0])
	}
	// The rules that fail on the public bucket and pass once it is fixed.
	const pii = "arn:aws:s3:::acme-pii"
	failing := map[string]bool{}
	for _, f := range public.findings {
		if f.Resource.ID == pii && f.Status == model.StatusFail {
			failing[f.RuleID] = true
		}
	}
	var fixedRules []string
	for _, f := range fixed.findings {
		if f.Resource.ID == pii && f.Status == model.StatusPass && failing[f.RuleID] {
			fixedRules = append(fixedRules, f.RuleID)
		}
	}
	if len(fixedRules) == 0 {
		t.Fatalf("no rule fails on the public bucket and passes on the fixed one (failing: %v)", failing)
	}
	rule := fixedRules[0]

	each(t, func(t *testing.T, _ string, st store.Store) {
		status := func(when string, want string) store.FindingRecord {
			t.Helper()
			f := findingOf(t, st, rule, pii)
			if f.Status != want {
				t.Fatalf("%s: %s on the bucket is %s, want %s", when, rule, f.Status, want)
			}
			return f
		}
		save(t, st, 0, public)
		first := status("public", store.StatusOpen)

		save(t, st, 1, denied)
		status("S3 denied", store.StatusStale)
		inv := inventory(t, st, store.ResourceFilter{Kind: "aws.s3.bucket"})
		if len(inv) != 2 || !inv[pii].Stale {
			t.Fatalf("S3 denied: the inventory has %d buckets (stale pii: %v), want both kept, stale", len(inv), inv[pii].Stale)
		}

		save(t, st, 2, fixed)
		status("fixed", store.StatusResolved)

		save(t, st, 3, public)
		f := status("public again", store.StatusOpen)
		if f.ReopenCount != 1 || !f.FirstSeen.Equal(first.FirstSeen) {
			t.Fatalf("reopened: %+v", f)
		}
		// Every other failing rule of the bucket went the same way.
		for r := range failing {
			if g := findingOf(t, st, r, pii); g.Status != store.StatusOpen {
				t.Errorf("%s: %s after the bucket went public again", r, g.Status)
			}
		}
		res, err := st.Query(context.Background(), "SELECT status FROM units ORDER BY snapshot_id", store.QueryOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range res.Rows {
			got = append(got, r[0].(string))
		}
		if strings.Join(got, " ") != "complete failed complete complete" {
			t.Fatalf("unit outcomes stored: %v", got)
		}
	})
}
