package aws

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"regexp"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/config"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// fakeAccessAnalyzer answers ListAnalyzers (GET /analyzer) in the REST-JSON
// wire format of the AWS API reference, per region (read from the SigV4
// credential scope): moto 5 has no Access Analyzer. Every other service's
// request is passed on to moto.
func fakeAccessAnalyzer(t *testing.T, upstream *url.URL) (*httptest.Server, *[]string) {
	t.Helper()
	scope := regexp.MustCompile(`Credential=[^/]+/\d+/([a-z0-9-]+)/access-analyzer/aws4_request`)
	analyzer := func(name, typ, status string) string {
		return fmt.Sprintf(`{"arn":"arn:aws:access-analyzer:r:%s:analyzer/%s","name":%q,"type":%q,"status":%q,`+
			`"createdAt":"2024-05-01T10:00:00Z","tags":{}}`, moto.Account, name, name, typ, status)
	}
	var mu sync.Mutex
	var seen []string
	proxy := httputil.NewSingleHostReverseProxy(upstream)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m := scope.FindStringSubmatch(r.Header.Get("Authorization"))
		if m == nil {
			proxy.ServeHTTP(w, r)
			return
		}
		if r.Method != http.MethodGet || r.URL.Path != "/analyzer" {
			t.Errorf("unexpected request %s %s (%s)", r.Method, r.URL, r.Header.Get("Authorization"))
			http.NotFound(w, r)
			return
		}
		region, token := m[1], r.URL.Query().Get("nextToken")
		mu.Lock()
		seen = append(seen, region+"?"+token)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch {
		case region == "us-east-1" && token == "": // the external analyzer is on page 2
			fmt.Fprintf(w, `{"analyzers":[%s],"nextToken":"p2"}`, analyzer("unused", "ACCOUNT_UNUSED_ACCESS", "ACTIVE"))
		case region == "us-east-1":
			fmt.Fprintf(w, `{"analyzers":[%s]}`, analyzer("external", "ACCOUNT", "ACTIVE"))
		case region == "eu-west-1":
			fmt.Fprintf(w, `{"analyzers":[%s,%s]}`, analyzer("broken", "ORGANIZATION", "FAILED"),
				analyzer("unused", "ACCOUNT_UNUSED_ACCESS", "ACTIVE"))
		case region == "eu-west-2":
			fmt.Fprint(w, `{"analyzers":[]}`)
		default:
			w.Header().Set("X-Amzn-Errortype", "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/")
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprint(w, `{"message":"User is not authorized to perform: access-analyzer:ListAnalyzers"}`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &seen
}

// TestAccessAnalyzer runs the real collector with STS on moto and Access
// Analyzer on the fake. (AWS_ENDPOINT_URL_ACCESSANALYZER cannot split them:
// the SDK prefers a base endpoint set in code over the per-service
// variable, so the fake fronts moto instead.)
func TestAccessAnalyzer(t *testing.T) {
	srv := moto.Start(t)
	motoURL, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	fake, seen := fakeAccessAnalyzer(t, motoURL)
	regions := []string{"us-east-1", "eu-west-1", "eu-west-2", "ap-south-1"}
	res, err := Collect(context.Background(), Options{Regions: regions, Services: []string{"accessanalyzer"},
		LoadOptions: append(srv.LoadOptions(regions[0]), config.WithBaseEndpoint(fake.URL))})
	if err != nil {
		t.Fatal(err)
	}

	facts := map[string]*bool{}
	for _, r := range res.Resources {
		if r.Kind == "aws.region" {
			facts[r.Region] = r.Attributes.(*model.AWSRegion).AccessAnalyzerEnabled
		}
	}
	for region, want := range map[string]*bool{"us-east-1": boolPtr(true), "eu-west-1": boolPtr(false),
		"eu-west-2": boolPtr(false), "ap-south-1": nil} {
		got := facts[region]
		if (got == nil) != (want == nil) || (got != nil && *got != *want) {
			t.Errorf("%s: access_analyzer_enabled = %v, want %v", region, fmtBoolPtr(got), fmtBoolPtr(want))
		}
	}
	if len(res.Errors) != 1 {
		t.Fatalf("want one collection error, got %v", res.Errors)
	}
	if e := res.Errors[0]; e.Region != "ap-south-1" || e.Service != "accessanalyzer" || e.Operation != "ListAnalyzers" ||
		e.Code != "AccessDeniedException" || e.Account != moto.Account {
		t.Errorf("collection error: %+v", e)
	}
	pages := 0
	for _, s := range *seen {
		if s == "us-east-1?p2" {
			pages++
		}
	}
	if pages != 1 {
		t.Errorf("second page not read once: %v", *seen)
	}
}

// Against moto alone (no Access Analyzer) the gap is a collection error
// and the fact stays unknown, never false.
func TestAccessAnalyzerMotoGap(t *testing.T) {
	srv := moto.Start(t)
	// moto answers the unknown API with a 500, which the SDK retries.
	res, err := Collect(context.Background(), Options{Regions: []string{"us-east-1"}, Services: []string{"accessanalyzer"},
		MaxAttempts: 1, LoadOptions: srv.LoadOptions("us-east-1")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) == 0 {
		t.Skip("moto now serves Access Analyzer: extend TestAccessAnalyzer to seed it")
	}
	if e := res.Errors[0]; e.Operation != "ListAnalyzers" || e.Service != "accessanalyzer" {
		t.Errorf("collection error: %+v", e)
	}
	for _, r := range res.Resources {
		if r.Kind == "aws.region" && r.Attributes.(*model.AWSRegion).AccessAnalyzerEnabled != nil {
			t.Errorf("fact set despite the failure: %+v", r.Attributes)
		}
	}
}

func fmtBoolPtr(b *bool) string {
	if b == nil {
		return "null"
	}
	return fmt.Sprint(*b)
}
