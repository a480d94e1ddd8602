package aws

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/middleware"
	"gopkg.in/yaml.v3"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestMain(m *testing.M) {
	// SDK clients decode epoch times in the local zone; worlds are UTC.
	time.Local = time.UTC
	code := m.Run()
	// TestParity's moto server is shared by the package; end it with the run.
	moto.StopShared()
	os.Exit(code)
}

// fragmentAccount is the account the fragments in testdata/world describe.
const fragmentAccount = "111111111111"

// fragmentWorld is a world of one account holding the service fragments
// named, each testdata/world/<name>.yaml: a map of region (or "global") to
// that service's resources. No names means every fragment. The second
// account, a member of the organization, holds testdata/world/member/<name>.yaml
// where one exists: account-wide settings (one aws.account per account)
// need a second account to be both well- and misconfigured.
func fragmentWorld(t testing.TB, fragments ...string) *World {
	t.Helper()
	if len(fragments) == 0 {
		paths, _ := filepath.Glob("testdata/world/*.yaml")
		for _, p := range paths {
			fragments = append(fragments, filepath.Base(p[:len(p)-len(".yaml")]))
		}
	}
	res := readFragments(t, "testdata/world", fragments)
	member := readFragments(t, "testdata/world/member", fragments)
	w := &World{Regions: []string{"us-east-1", "eu-west-1"}, Accounts: []Account{
		{ID: fragmentAccount, Name: "fragments", AccessKey: "AKIAFRAGMENTS000001", Resources: res},
		{ID: "222222222222", Name: "member", AccessKey: "AKIAMEMBER000000001", Resources: member},
	}}
	if err := w.check(); err != nil {
		t.Fatal(err)
	}
	return w
}

// readFragments merges dir/<name>.yaml of each name that exists there.
func readFragments(t testing.TB, dir string, names []string) map[string]map[string]any {
	t.Helper()
	res := map[string]map[string]any{}
	for _, f := range names {
		b, err := os.ReadFile(filepath.Join(dir, f+".yaml"))
		if errors.Is(err, fs.ErrNotExist) && dir != "testdata/world" {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var part map[string]map[string]any
		if err := yaml.Unmarshal(b, &part); err != nil {
			t.Fatalf("%s/%s: %v", dir, f, err)
		}
		for region, svcs := range part {
			if res[region] == nil {
				res[region] = map[string]any{}
			}
			for svc, v := range svcs {
				if _, dup := res[region][svc]; dup {
					t.Fatalf("%s/%s: %s.%s is in two fragments", dir, f, region, svc)
				}
				res[region][svc] = v
			}
		}
	}
	return res
}

// testCloud serves w on loopback and returns an SDK config with the
// first account's credentials, in us-east-1.
func testCloud(t testing.TB, w *World) (aws.Config, *Server) {
	t.Helper()
	s := NewServer(w)
	hs := httptest.NewServer(s)
	t.Cleanup(hs.Close)
	cfg, err := config.LoadDefaultConfig(context.Background(), clientOptions(hs.URL, w.Accounts[0].AccessKey)...)
	if err != nil {
		t.Fatal(err)
	}
	return cfg, s
}

func clientOptions(url, key string) []func(*config.LoadOptions) error {
	return []func(*config.LoadOptions) error{
		config.WithRegion("us-east-1"),
		config.WithBaseEndpoint(url),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(key, "x", "")),
		config.WithSharedConfigFiles([]string{}),
		config.WithSharedCredentialsFiles([]string{}),
		config.WithRetryMaxAttempts(1),
		config.WithAPIOptions([]func(*middleware.Stack) error{moto.PlainRequestBodies}),
	}
}

// collect runs the real collector against the test cloud for the named
// services in the world's first account.
func collect(t testing.TB, w *World, services ...string) (*awscollect.Result, *Server) {
	t.Helper()
	return collectWith(t, w, awscollect.Options{Services: services})
}

// collectClean is collect for tests that expect a clean collection: it
// fails on any collection error or operation the test cloud does not
// serve.
func collectClean(t *testing.T, w *World, services ...string) *awscollect.Result {
	t.Helper()
	res, srv := collect(t, w, services...)
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	if u := srv.Stats().Unhandled; len(u) > 0 {
		t.Errorf("unhandled: %v", u)
	}
	return res
}

// collectOrg collects every account of the world's organization through
// the role Organizations creates, from the first (management) account.
func collectOrg(t testing.TB, w *World, services ...string) (*awscollect.Result, *Server) {
	t.Helper()
	return collectWith(t, w, awscollect.Options{Services: services, AssumeRole: "OrganizationAccountAccessRole", Organization: true})
}

func collectWith(t testing.TB, w *World, opts awscollect.Options) (*awscollect.Result, *Server) {
	t.Helper()
	s := NewServer(w)
	hs := httptest.NewServer(s)
	t.Cleanup(hs.Close)
	if _, ok := os.LookupEnv("AWS_CA_BUNDLE"); ok {
		if tt, ok := t.(*testing.T); ok {
			tt.Setenv("AWS_CA_BUNDLE", "")
		}
	}
	opts.Regions = w.Regions
	opts.LoadOptions = clientOptions(hs.URL, w.Accounts[0].AccessKey)
	res, err := awscollect.Collect(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res, s
}

// sameJSON fails unless got and want encode to the same JSON: the SDK's
// decoding of the fake's answer round-trips the world.
func sameJSON(t testing.TB, what string, got, want any) {
	t.Helper()
	g, err1 := json.Marshal(got)
	w, err2 := json.Marshal(want)
	if err1 != nil || err2 != nil {
		t.Fatalf("%s: %v %v", what, err1, err2)
	}
	if string(g) != string(w) {
		t.Errorf("%s does not round-trip:\n got  %s\n want %s", what, g, w)
	}
}

// byKind indexes collected resources by kind and name.
func byKind(rs []*model.Resource) map[string]map[string]*model.Resource {
	out := map[string]map[string]*model.Resource{}
	for _, r := range rs {
		if out[r.Kind] == nil {
			out[r.Kind] = map[string]*model.Resource{}
		}
		out[r.Kind][r.Name] = r
	}
	return out
}
