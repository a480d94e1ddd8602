package aws

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

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

// moto serves Parameter Store: the collector lists every parameter, reads
// the values of the plain ones only, and keeps the findings, not the
// values. The SecureString holds a token too: it must not be read, so it
// gives no finding.
func TestSSMParametersAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := ssm.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	put := func(name string, typ ssmtypes.ParameterType, value string) {
		t.Helper()
		if _, err := client.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(name), Type: typ, Value: aws.String(value)}); err != nil {
			t.Fatal(err)
		}
	}
	put("/ci/deploy-token", ssmtypes.ParameterTypeString, plantedGitHubPAT)
	put("/ci/sealed-token", ssmtypes.ParameterTypeSecureString, plantedGitHubPAT)
	put("/web/log-level", ssmtypes.ParameterTypeString, "info")
	put("/web/hosts", ssmtypes.ParameterTypeStringList, "a.example.com,b.example.com")
	for i := range 12 { // more plain names than one GetParameters call takes
		put(fmt.Sprintf("/bulk/p%02d", i), ssmtypes.ParameterTypeString, "value")
	}
	empty := []jsonReply{{body: `{}`}}
	fake, _ := fakeJSON(t, srv, map[string][]jsonReply{
		"AmazonSSM.DescribeInstanceInformation":     empty,
		"AmazonSSM.ListResourceComplianceSummaries": empty,
	})
	res := collectMoto(t, fake, []string{"ssm"})
	noErrors(t, res)
	ps := byKind(res, "aws.ssm.parameter")
	if len(ps) != 16 {
		t.Fatalf("want 16 parameters, got %d: %v", len(ps), ps)
	}
	leak, sealed := ps["/ci/deploy-token"], ps["/ci/sealed-token"]
	if leak == nil || sealed == nil {
		t.Fatalf("parameters: %v", ps)
	}
	la, sa := leak.Attributes.(*model.SSMParameter), sealed.Attributes.(*model.SSMParameter)
	if la.Type != "String" || len(la.SecretsFound) != 1 || la.SecretsFound[0] != (model.SecretFinding{Kind: "github-pat", Location: "value"}) {
		t.Errorf("deploy-token: %+v", la)
	}
	if sa.Type != "SecureString" || len(sa.SecretsFound) != 0 {
		t.Errorf("sealed-token: %+v", sa)
	}
	if leak.ID != "arn:aws:ssm:us-east-1:123456789012:parameter/ci/deploy-token" {
		t.Errorf("id %s", leak.ID)
	}
	for _, r := range res.Resources {
		if b, _ := json.Marshal(r); strings.Contains(string(b), plantedGitHubPAT) {
			t.Errorf("%s carries the token: %s", r.ID, b)
		}
	}
	fails := failing(t, res.Resources)
	if !fails["/ci/deploy-token"]["AWS-SECRET-004"] || fails["/ci/sealed-token"]["AWS-SECRET-004"] || fails["/web/log-level"]["AWS-SECRET-004"] || fails["/web/hosts"]["AWS-SECRET-004"] {
		t.Errorf("AWS-SECRET-004: %v", fails)
	}
}
