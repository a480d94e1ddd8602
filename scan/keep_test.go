package scan

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	awsdemo "github.com/vigil-sec/vigil/examples/aws-demo"
	"github.com/vigil-sec/vigil/internal/testcloud/aws"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
	"github.com/vigil-sec/vigil/store"
	"github.com/vigil-sec/vigil/store/storetest"
)

// A region that hangs in the second scan keeps its resources and their
// findings, stale: a collection failure never looks like a fix or a
// deletion. Through the whole pipeline: the real collector against the
// test cloud, the rules, the scan and the store, on both backends.
func TestHungRegionKeepsFindingsStale(t *testing.T) {
	e, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	scanOnce := func(t *testing.T, st store.Store, hang bool) *model.Result {
		t.Helper()
		w, err := aws.ParseWorld(awsdemo.World)
		if err != nil {
			t.Fatal(err)
		}
		if hang {
			w.Faults.HangRegions = []string{"eu-west-1"}
		}
		srv := httptest.NewServer(aws.NewServer(w))
		t.Cleanup(srv.Close)
		src := &AWS{Options: awscollect.Options{
			AssumeRole: awsdemo.AssumeRole, Organization: true, Regions: []string{"us-east-1", "eu-west-1"},
			Services: []string{"kms", "s3"}, CallTimeout: 2 * time.Second, MaxAttempts: 1,
			LoadOptions: []func(*config.LoadOptions) error{
				config.WithRegion("us-east-1"),
				config.WithBaseEndpoint(srv.URL),
				config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(w.Accounts[0].AccessKey, "x", "")),
				config.WithSharedConfigFiles([]string{}),
				config.WithSharedCredentialsFiles([]string{}),
			},
		}}
		res, err := Run(context.Background(), src, Options{Engine: e, Store: st})
		if err != nil {
			t.Fatal(err)
		}
		if res.Scan.Snapshot == 0 {
			t.Fatalf("not stored: %+v; nothing scanned: %q", res.Warnings, res.Scan.NothingScanned)
		}
		return res
	}
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			st, err := store.Open(context.Background(), b.DSN(t))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			first := scanOnce(t, st, false)
			failing := map[string]bool{} // fingerprints failing in eu-west-1
			for _, f := range first.Findings {
				if f.Status == model.StatusFail && f.Resource.Region == "eu-west-1" {
					failing[f.Fingerprint()] = true
				}
			}
			if len(failing) == 0 {
				t.Fatal("the demo world has no failing finding in eu-west-1 to keep")
			}
			second := scanOnce(t, st, true)
			hung := 0
			for _, u := range second.Units {
				if u.Region == "eu-west-1" && u.Status == model.UnitFailed {
					hung++
				}
			}
			if hung == 0 {
				t.Fatalf("no failed unit in the hung region: %+v", second.Units)
			}
			recs, err := st.Findings(context.Background(), store.FindingFilter{})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range recs {
				if failing[r.Fingerprint] && r.Status != store.StatusStale {
					t.Errorf("%s on %s is %s after its region hung, want stale", r.Finding.RuleID, r.Finding.Resource.ID, r.Status)
				}
				delete(failing, r.Fingerprint)
			}
			if len(failing) > 0 {
				t.Errorf("%d findings of the hung region are gone from the store", len(failing))
			}
			inv, err := st.Resources(context.Background(), store.ResourceFilter{Region: "eu-west-1"})
			if err != nil {
				t.Fatal(err)
			}
			kept := 0
			for _, r := range inv {
				if strings.HasPrefix(r.Resource.Kind, "aws.kms.") {
					kept++
					if !r.Stale {
						t.Errorf("%s kept but not marked stale", r.Resource.ID)
					}
				}
			}
			if kept == 0 {
				t.Error("the hung region's keys are gone from the latest inventory")
			}
		})
	}
}
