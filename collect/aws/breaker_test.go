package aws

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go"

	awsdemo "github.com/vigil-sec/vigil/examples/aws-demo"
	testcloud "github.com/vigil-sec/vigil/internal/testcloud/aws"
	"github.com/vigil-sec/vigil/model"
)

// collectTestCloud serves a world from the test cloud on loopback and
// collects it with the real collector, as the first account's user.
func collectTestCloud(t *testing.T, w *testcloud.World, opts Options) (*Result, time.Duration) {
	t.Helper()
	srv := httptest.NewServer(testcloud.NewServer(w))
	t.Cleanup(srv.Close)
	t.Setenv("AWS_CA_BUNDLE", "")
	opts.LoadOptions = []func(*config.LoadOptions) error{
		config.WithRegion("us-east-1"),
		config.WithBaseEndpoint(srv.URL),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(w.Accounts[0].AccessKey, "x", "")),
		config.WithSharedConfigFiles([]string{}),
		config.WithSharedCredentialsFiles([]string{}),
	}
	start := time.Now()
	res, err := Collect(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res, time.Since(start)
}

func demoWorld(t *testing.T, hang ...string) *testcloud.World {
	t.Helper()
	w, err := testcloud.ParseWorld(awsdemo.World)
	if err != nil {
		t.Fatal(err)
	}
	w.Faults.HangRegions = hang
	return w
}

// regionalServices are the services collected once per region.
func regionalServices() []string {
	var out []string
	for name, s := range registry {
		if !s.global {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// The demo organization with eu-west-1 hung: the scan costs about one
// call timeout, not one per call queued behind another; each unit of the
// hung region has one error naming its account, region and service and
// the breaker; everything elsewhere is read as in a scan without the
// fault. Few workers and in-flight slots make the calls queue behind the
// hung ones, as a large estate's do: they must be let go when the region
// is found hung, not after a timeout of their own.
func TestHungRegionCostsOneTimeout(t *testing.T) {
	const timeout = 2 * time.Second
	opts := Options{AssumeRole: awsdemo.AssumeRole, Organization: true, CallTimeout: timeout, Concurrency: 4, MaxInFlight: 1}
	want, _ := collectTestCloud(t, demoWorld(t), opts)
	noErrors(t, want)
	res, took := collectTestCloud(t, demoWorld(t, "eu-west-1"), opts)

	t.Logf("one hung region: %d errors in %s (call timeout %s)", len(res.Errors), took.Round(time.Millisecond), timeout)
	// Generous for a loaded machine; without breakers it took 34 s.
	if limit := 3*timeout + 2*time.Second; took > limit {
		t.Errorf("the scan took %s with one hung region, more than %s (call timeout %s)", took, limit, timeout)
	}
	units := map[[3]string]bool{}
	for _, a := range want.Accounts {
		for _, s := range regionalServices() {
			units[[3]string{a, "eu-west-1", s}] = true
		}
	}
	seen := map[[3]string]int{}
	for _, e := range res.Errors {
		u := [3]string{e.Account, e.Region, e.Service}
		seen[u]++
		switch {
		case !units[u]:
			t.Errorf("error outside the hung region's units: %s", e)
		case seen[u] > 1:
			t.Errorf("second error for the unit %v: %s", u, e)
		case e.Code != "Timeout" || !strings.Contains(e.Message, "in eu-west-1 is not answering") && !strings.Contains(e.Message, "region eu-west-1 is not answering"):
			t.Errorf("want a Timeout naming the breaker of eu-west-1 or a service there, got %s", e)
		}
	}
	for u := range units {
		if seen[u] == 0 {
			t.Errorf("no error for the unit %v of the hung region", u)
		}
	}

	// Everything outside eu-west-1 is read alike; nothing of eu-west-1 is
	// read but its region-wide facts, all unknown.
	outside := func(res *Result) map[string]string {
		out := map[string]string{}
		for _, r := range res.Resources {
			if r.Region == "eu-west-1" || r.Kind == "aws.account" {
				continue
			}
			b, _ := json.Marshal(r.Attributes)
			out[r.Kind+" "+r.ID] = string(b)
		}
		return out
	}
	got, exp := outside(res), outside(want)
	for id, attrs := range exp {
		if got[id] != attrs {
			t.Errorf("%s outside the hung region: got %s, want %s", id, got[id], attrs)
		}
	}
	if len(got) != len(exp) {
		t.Errorf("%d resources outside the hung region, want %d", len(got), len(exp))
	}
	inside := 0
	for _, r := range want.Resources {
		if r.Region == "eu-west-1" && r.Kind != "aws.region" {
			inside++
		}
	}
	if inside == 0 {
		t.Fatal("the demo world has nothing in eu-west-1 to lose")
	}
	for _, r := range res.Resources {
		if r.Region != "eu-west-1" {
			continue
		}
		if reg, ok := r.Attributes.(*model.AWSRegion); !ok {
			t.Errorf("%s %s read from the hung region", r.Kind, r.ID)
		} else if b, _ := json.Marshal(reg); strings.Contains(string(b), "true") || strings.Contains(string(b), "false") {
			t.Errorf("a fact of the hung region is known: %s", b)
		}
	}
}

// One service that hangs costs that service, in each region, not its
// regions: the others answer meanwhile, so the regions' breakers hold.
func TestHungServiceCostsOnlyItself(t *testing.T) {
	const timeout = 2 * time.Second
	w, err := testcloud.ParseWorld([]byte(`regions: [us-east-1, eu-west-1]
accounts:
  - id: "111111111111"
    access_key: AKIABREAKER00000001
    resources:
      us-east-1: {sns: {topics: [{name: t-use1}]}, sqs: {queues: [{name: q-use1}]}}
      eu-west-1: {sns: {topics: [{name: t-euw1}]}, sqs: {queues: [{name: q-euw1}]}}
`))
	if err != nil {
		t.Fatal(err)
	}
	hang := &hangService{service: "sqs", base: http.DefaultTransport}
	res, took := collectTestCloud(t, w, Options{Services: []string{"sqs", "sns", "kms", "dynamodb"}, CallTimeout: timeout,
		HTTPClient: &http.Client{Transport: hang}})
	if limit := 3*timeout + 2*time.Second; took > limit {
		t.Errorf("the scan took %s, more than %s", took, limit)
	}
	if ts := byKind(res, "aws.sns.topic"); len(ts) != 2 {
		t.Errorf("the topics of both regions must be read: %v", ts)
	}
	if len(res.Errors) != 2 {
		t.Errorf("want one error per sqs unit, got %v", res.Errors)
	}
	for _, e := range res.Errors {
		if e.Service != "sqs" || e.Code != "Timeout" || !strings.Contains(e.Message, "SQS in "+e.Region+" is not answering") {
			t.Errorf("want a Timeout naming the breaker of SQS in its region, got %s", e)
		}
	}
}

// hangService never answers the requests of one service (by its SigV4
// scope) and passes the rest on.
type hangService struct {
	service string
	base    http.RoundTripper
}

func (h *hangService) RoundTrip(req *http.Request) (*http.Response, error) {
	if m := scopeRe.FindStringSubmatch(req.Header.Get("Authorization")); m != nil && m[2] == h.service {
		<-req.Context().Done()
		return nil, req.Context().Err()
	}
	return h.base.RoundTrip(req)
}

// Throttling and AccessDenied are answers: calls that time out while
// being throttled, in two services of each region, and a denied service
// trip no breaker, and the service collected after them in the same
// regions is read.
func TestBreakersIgnoreThrottlingAndAccessDenied(t *testing.T) {
	w, err := testcloud.ParseWorld([]byte(`regions: [us-east-1, eu-west-1]
accounts:
  - id: "111111111111"
    access_key: AKIABREAKER00000001
    resources:
      us-east-1: {sns: {topics: [{name: t-use1}]}, sqs: {queues: [{name: q-use1}]}}
      eu-west-1: {sns: {topics: [{name: t-euw1}]}, sqs: {queues: [{name: q-euw1}]}}
faults:
  rate_limits: {kms: {rate: 0.001, burst: 1}, logs: {rate: 0.001, burst: 1}}
  deny: [{region: eu-west-1, service: sns}]
`))
	if err != nil {
		t.Fatal(err)
	}
	// One worker: the units run in order (kms, logs, sns, sqs), so sqs
	// runs after the others have failed in its region.
	res, _ := collectTestCloud(t, w, Options{Services: []string{"kms", "logs", "sns", "sqs"}, CallTimeout: time.Second, Concurrency: 1})
	if qs := byKind(res, "aws.sqs.queue"); len(qs) != 2 {
		t.Errorf("the queues of both regions must be read: %v", qs)
	}
	if ts := byKind(res, "aws.sns.topic"); len(ts) != 1 || ts["t-use1"] == nil {
		t.Errorf("the topic of us-east-1 must be read: %v", ts)
	}
	failed := map[string]string{}
	for _, e := range res.Errors {
		failed[e.Service+" "+e.Region] = e.Code
		if strings.Contains(e.Message, "breaker") {
			t.Errorf("a breaker tripped: %s", e)
		}
	}
	for _, u := range []string{"kms us-east-1", "kms eu-west-1", "logs us-east-1", "logs eu-west-1"} {
		if failed[u] == "" {
			t.Errorf("%s was throttled until its timeout and must have an error: %v", u, res.Errors)
		}
	}
	if failed["sns eu-west-1"] != "AuthorizationError" && failed["sns eu-west-1"] != "AccessDenied" {
		t.Errorf("sns in eu-west-1 is denied: %v", res.Errors)
	}
}

// The decisions themselves, on operations that ended without an answer.
func TestBreakerDecisions(t *testing.T) {
	const timeout = 10 * time.Second
	silence := &smithy.CanceledError{Err: context.Canceled}
	type call struct {
		service string
		sent    time.Duration // before the timeout ended
	}
	for _, tc := range []struct {
		name string
		// answerAfter, when set, is an answer from the region's other
		// service that long before the timeouts.
		answerAfter time.Duration
		calls       []call
		endpoints   []string // tripped
		region      bool
	}{
		{name: "one silent service trips itself", calls: []call{{"EC2", timeout}}, endpoints: []string{"EC2"}},
		{name: "two silent services trip the region", calls: []call{{"EC2", timeout}, {"SQS", timeout}}, endpoints: []string{"EC2", "SQS"}, region: true},
		{name: "the same service twice is one", calls: []call{{"EC2", timeout}, {"EC2", timeout}}, endpoints: []string{"EC2"}},
		{name: "an answer from the region meanwhile keeps it", answerAfter: time.Second,
			calls: []call{{"EC2", timeout}, {"SQS", timeout}}, endpoints: []string{"EC2", "SQS"}},
		{name: "a call sent too late proves nothing", calls: []call{{"EC2", timeout / 4}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBreakers(timeout)
			end := time.Now()
			if tc.answerAfter > 0 {
				g, err := b.guard(context.Background(), "KMS", "eu-west-1", "KMS ListKeys")
				if err != nil {
					t.Fatal(err)
				}
				g.region.lastAnswer.Store(end.Add(-timeout + tc.answerAfter).UnixNano())
			}
			// The calls are in flight together, then all time out.
			type attempt struct {
				ctx context.Context
				op  *opState
				g   *guard
			}
			var attempts []attempt
			for _, c := range tc.calls {
				ctx, op := withOp(context.Background(), timeout)
				defer op.clock.stop()
				g, err := b.guard(ctx, c.service, "eu-west-1", c.service+" Describe")
				if err != nil {
					t.Fatal(err)
				}
				g.queued()
				g.sent()
				op.firstSent, op.lastSent = end.Add(-c.sent), end.Add(-c.sent)
				attempts = append(attempts, attempt{ctx, op, g})
			}
			for _, a := range attempts {
				a.op.clock.expire()
				err := b.settle(a.op, a.g.done(a.ctx, silence))
				var be *BreakerError
				if errors.As(err, &be) != (len(tc.endpoints) > 0) {
					t.Errorf("%v: a breaker error only when a breaker tripped", err)
				}
			}
			for _, s := range []string{"EC2", "SQS"} {
				want := false
				for _, e := range tc.endpoints {
					want = want || e == s
				}
				if got := b.get("eu-west-1/"+s, "").tripped() != nil; got != want {
					t.Errorf("%s tripped: %v, want %v", s, got, want)
				}
			}
			if got := b.get("eu-west-1", "").tripped() != nil; got != tc.region {
				t.Errorf("region tripped: %v, want %v", got, tc.region)
			}
		})
	}
}

// The call timeout does not run while a call waits in Vigil's queues,
// and runs out once it runs again.
func TestCallClockStopsWhileQueued(t *testing.T) {
	ctx, clock := newCallClock(context.Background(), 100*time.Millisecond)
	defer clock.stop()
	clock.pause()
	time.Sleep(300 * time.Millisecond)
	if clock.expired() || ctx.Err() != nil {
		t.Fatal("the clock ran while paused")
	}
	clock.resume()
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the clock did not run out after resuming")
	}
	if !clock.expired() || context.Cause(ctx) != errCallTimeout {
		t.Errorf("expired %v, cause %v", clock.expired(), context.Cause(ctx))
	}
}
