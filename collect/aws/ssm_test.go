package aws

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// jsonReply is a canned AWS JSON 1.1 answer: a body for status 200, or an
// error code (__type) with status 400.
type jsonReply struct {
	body    string
	errCode string
}

// fakeJSON serves the JSON 1.1 operations moto lacks (X-Amz-Target ->
// replies, one per call in order, the last repeated) and passes everything
// else (STS, ...) through to moto, so the real SDK clients and the real
// collector run against it. It returns a server to collect from and the
// request bodies each target received.
func fakeJSON(t *testing.T, srv *moto.Server, replies map[string][]jsonReply) (*moto.Server, map[string][]string) {
	t.Helper()
	target, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	var mu sync.Mutex
	seen := map[string][]string{}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		op := r.Header.Get("X-Amz-Target")
		mu.Lock()
		rs, ok := replies[op]
		if !ok {
			mu.Unlock()
			proxy.ServeHTTP(w, r)
			return
		}
		body, _ := io.ReadAll(r.Body)
		seen[op] = append(seen[op], string(body))
		rep := rs[min(len(seen[op]), len(rs))-1]
		mu.Unlock()
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.Header().Set("X-Amzn-Requestid", "fake-request")
		if rep.errCode != "" {
			w.WriteHeader(http.StatusBadRequest)
			_ = json.NewEncoder(w).Encode(map[string]string{"__type": rep.errCode, "message": "denied by the test"})
			return
		}
		_, _ = io.WriteString(w, rep.body)
	}))
	t.Cleanup(ts.Close)
	return &moto.Server{URL: ts.URL}, seen
}

// moto has no DescribeInstanceInformation nor compliance summaries: the
// answers below follow the shapes in the SSM API reference.
func TestSSMManagedInstances(t *testing.T) {
	srv := moto.Start(t)
	info := []jsonReply{
		{body: `{"InstanceInformationList":[{"InstanceId":"i-0patched","PingStatus":"Online","PlatformType":"Linux","ResourceType":"EC2Instance","ComputerName":"web-1","LastPingDateTime":1.7e9}],"NextToken":"p2"}`},
		{body: `{"InstanceInformationList":[{"InstanceId":"i-0stale","PingStatus":"ConnectionLost","ResourceType":"EC2Instance"},{"InstanceId":"mi-0123456789abcdef0","PingStatus":"Online","ResourceType":"ManagedInstance"}]}`},
	}
	compliance := []jsonReply{{body: `{"ResourceComplianceSummaryItems":[
		{"ComplianceType":"Patch","ResourceId":"i-0patched","ResourceType":"ManagedInstance","Status":"COMPLIANT","OverallSeverity":"UNSPECIFIED"},
		{"ComplianceType":"Patch","ResourceId":"i-0stale","ResourceType":"ManagedInstance","Status":"NON_COMPLIANT","OverallSeverity":"CRITICAL"}]}`}}
	fake, seen := fakeJSON(t, srv, map[string][]jsonReply{
		"AmazonSSM.DescribeInstanceInformation":     info,
		"AmazonSSM.ListResourceComplianceSummaries": compliance,
	})
	res := collectMoto(t, fake, []string{"ssm"})
	noErrors(t, res)
	if n := len(seen["AmazonSSM.DescribeInstanceInformation"]); n != 2 || !strings.Contains(seen["AmazonSSM.DescribeInstanceInformation"][1], `"p2"`) {
		t.Errorf("pagination: %v", seen)
	}
	if f := seen["AmazonSSM.ListResourceComplianceSummaries"]; len(f) != 1 || !strings.Contains(f[0], `"ComplianceType"`) || !strings.Contains(f[0], `"Patch"`) {
		t.Errorf("compliance filter: %v", f)
	}
	ms := byKind(res, "aws.ssm.managed_instance")
	if len(ms) != 3 {
		t.Fatalf("want 3 managed instances, got %d", len(ms))
	}
	ok, stale, hybrid := ms["i-0patched"], ms["i-0stale"], ms["mi-0123456789abcdef0"]
	if a := ok.Attributes.(*model.SSMManagedInstance); a.InstanceID != "i-0patched" || a.PingStatus != "Online" || a.PatchCompliant == nil || !*a.PatchCompliant ||
		ok.ID != "arn:aws:ssm:us-east-1:123456789012:managed-instance/i-0patched" || len(ok.Raw) == 0 {
		t.Errorf("patched: %+v %+v", ok, a)
	}
	if a := stale.Attributes.(*model.SSMManagedInstance); a.PingStatus != "ConnectionLost" || a.PatchCompliant == nil || *a.PatchCompliant {
		t.Errorf("stale: %+v", a)
	}
	if a := hybrid.Attributes.(*model.SSMManagedInstance); a.PatchCompliant != nil {
		t.Errorf("no patch summary must stay null: %+v", a)
	}

	// Compliance denied: instances still collected, compliance unknown, and
	// the gap recorded.
	fake, _ = fakeJSON(t, srv, map[string][]jsonReply{
		"AmazonSSM.DescribeInstanceInformation":     info,
		"AmazonSSM.ListResourceComplianceSummaries": {{errCode: "AccessDeniedException"}},
	})
	res = collectMoto(t, fake, []string{"ssm"})
	if len(res.Errors) != 1 || res.Errors[0].Code != "AccessDeniedException" || res.Errors[0].Operation != "ListResourceComplianceSummaries" ||
		res.Errors[0].Service != "ssm" || res.Errors[0].Region != "us-east-1" {
		t.Errorf("errors: %v", res.Errors)
	}
	ms = byKind(res, "aws.ssm.managed_instance")
	if len(ms) != 3 || ms["i-0patched"].Attributes.(*model.SSMManagedInstance).PatchCompliant != nil {
		t.Errorf("denied compliance: %v", ms)
	}
}
