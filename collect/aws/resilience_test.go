package aws

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// faultTransport sits between the SDK and moto and injects what real
// clouds do: AccessDenied, a region that hangs, throttling, short-lived
// credentials. It reads service and region from the SigV4 scope, as AWS
// routes them.
type faultTransport struct {
	base http.RoundTripper

	mu       sync.Mutex
	deny     map[[2]string]bool // service, region
	hang     map[string]bool    // region
	throttle map[[2]string]int  // service, region -> requests still to throttle
	// expireIn rewrites AssumeRole answers so the credentials expire soon.
	expireIn time.Duration
	// denyAssume refuses AssumeRole into these account ids.
	denyAssume map[string]bool
	seen       map[string]int // service:op -> requests
}

var scopeRe = regexp.MustCompile(`Credential=[^/]+/\d+/([^/]+)/([^/]+)/aws4_request`)

// newFaults builds the transport. The SDK applies AWS_CA_BUNDLE by
// rebuilding its own HTTP client, which a custom transport is not; the
// loopback moto speaks plain HTTP, so tests clear the bundle.
func newFaults(t *testing.T) *faultTransport {
	t.Setenv("AWS_CA_BUNDLE", "")
	return &faultTransport{base: http.DefaultTransport, deny: map[[2]string]bool{}, hang: map[string]bool{},
		throttle: map[[2]string]int{}, seen: map[string]int{}, denyAssume: map[string]bool{}}
}

func (f *faultTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	m := scopeRe.FindStringSubmatch(req.Header.Get("Authorization"))
	region, service := "", ""
	if m != nil {
		region, service = m[1], m[2]
	}
	op, form := operationOf(req)
	f.mu.Lock()
	f.seen[service+":"+op]++
	denied := f.deny[[2]string{service, region}]
	hang := f.hang[region]
	throttled := f.throttle[[2]string{service, region}] > 0
	if throttled {
		f.throttle[[2]string{service, region}]--
	}
	expireIn := f.expireIn
	assumeDenied := op == "AssumeRole" && f.denyAssume[accountInARN(form.Get("RoleArn"))]
	f.mu.Unlock()
	switch {
	case assumeDenied:
		return queryError(req, 403, "AccessDenied", "Not authorized to perform sts:AssumeRole"), nil
	case hang:
		<-req.Context().Done()
		return nil, req.Context().Err()
	case denied:
		return jsonError(req, 400, "AccessDeniedException", "User is not authorized to perform "+op), nil
	case throttled:
		return jsonError(req, 400, "ThrottlingException", "Rate exceeded"), nil
	}
	resp, err := f.base.RoundTrip(req)
	if err == nil && op == "AssumeRole" && expireIn > 0 {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		exp := time.Now().Add(expireIn).UTC().Format(time.RFC3339)
		b = regexp.MustCompile(`<Expiration>[^<]*</Expiration>`).ReplaceAll(b, []byte("<Expiration>"+exp+"</Expiration>"))
		resp.Body = io.NopCloser(bytes.NewReader(b))
		resp.ContentLength = int64(len(b))
		resp.Header.Del("Content-Length")
	}
	return resp, err
}

func (f *faultTransport) count(key string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.seen[key]
}

// operationOf reads the operation from the JSON target header or the
// query Action parameter (and returns the query form).
func operationOf(req *http.Request) (string, url.Values) {
	if t := req.Header.Get("X-Amz-Target"); t != "" {
		return t[strings.LastIndexByte(t, '.')+1:], nil
	}
	if req.Body != nil && req.Method == http.MethodPost {
		b, _ := io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(b))
		if v, err := url.ParseQuery(string(b)); err == nil && v.Get("Action") != "" {
			return v.Get("Action"), v
		}
	}
	return req.URL.Path, nil
}

func accountInARN(arn string) string {
	if parts := strings.Split(arn, ":"); len(parts) > 4 {
		return parts[4]
	}
	return ""
}

// queryError answers like a query-protocol service (STS, IAM, EC2's
// cousins) does.
func queryError(req *http.Request, status int, code, msg string) *http.Response {
	body := fmt.Sprintf(`<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>vigil-test</RequestId></ErrorResponse>`, code, msg)
	return &http.Response{StatusCode: status, Status: fmt.Sprint(status), Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": {"text/xml"}},
		Body:   io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)), Request: req}
}

// jsonError answers like an awsJson service does.
func jsonError(req *http.Request, status int, code, msg string) *http.Response {
	body := fmt.Sprintf(`{"__type":"com.amazonaws.coral#%s","message":%q}`, code, msg)
	return &http.Response{StatusCode: status, Status: fmt.Sprint(status), Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": {"application/x-amz-json-1.0"}, "X-Amzn-Errortype": {code}},
		Body:   io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)), Request: req}
}

func seedQueues(t *testing.T, srv *moto.Server, regions ...string) {
	t.Helper()
	for _, r := range regions {
		c := sqs.NewFromConfig(srv.Config(t, r))
		if _, err := c.CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String("q-" + r)}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestResilienceDeniedAndThrottled(t *testing.T) {
	srv := moto.Start(t)
	seedQueues(t, srv, "us-east-1", "eu-west-1")
	faults := newFaults(t)
	faults.deny[[2]string{"sqs", "eu-west-1"}] = true
	faults.throttle[[2]string{"sqs", "us-east-1"}] = 3
	res, err := Collect(context.Background(), Options{
		Regions:     []string{"us-east-1", "eu-west-1"},
		Services:    []string{"sqs"},
		LoadOptions: srv.LoadOptions("us-east-1"),
		HTTPClient:  &http.Client{Transport: faults},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || res.Errors[0].Region != "eu-west-1" || res.Errors[0].Service != "sqs" ||
		res.Errors[0].Operation != "ListQueues" || res.Errors[0].Code != "AccessDeniedException" ||
		!strings.Contains(res.Errors[0].Message, "(needs sqs:ListQueues)") {
		t.Errorf("want exactly AccessDenied on sqs in eu-west-1, got %v", res.Errors)
	}
	if qs := byKind(res, "aws.sqs.queue"); len(qs) != 1 || qs["q-us-east-1"] == nil {
		t.Fatalf("the throttled region must be collected after retries: %v", qs)
	}
	if n := faults.count("sqs:ListQueues"); n < 5 {
		t.Errorf("throttled calls were not retried (%d ListQueues requests)", n)
	}
}

func TestResilienceHangingRegionTimesOut(t *testing.T) {
	srv := moto.Start(t)
	seedQueues(t, srv, "us-east-1", "ap-south-1")
	faults := newFaults(t)
	faults.hang["ap-south-1"] = true
	start := time.Now()
	res, err := Collect(context.Background(), Options{
		Regions:     []string{"us-east-1", "ap-south-1"},
		Services:    []string{"sqs"},
		LoadOptions: srv.LoadOptions("us-east-1"),
		HTTPClient:  &http.Client{Transport: faults},
		CallTimeout: 2 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("a hanging region held the scan for %s", d)
	}
	if len(res.Errors) != 1 || res.Errors[0].Region != "ap-south-1" || res.Errors[0].Code != "Timeout" {
		t.Errorf("want one Timeout in ap-south-1, got %v", res.Errors)
	}
	if qs := byKind(res, "aws.sqs.queue"); len(qs) != 1 || qs["q-us-east-1"] == nil {
		t.Errorf("the healthy region must be collected: %v", qs)
	}
}

func TestAssumedRoleCredentialsRefreshDuringScan(t *testing.T) {
	srv := moto.Start(t)
	seedQueues(t, srv, "us-east-1", "eu-west-1")
	faults := newFaults(t)
	// The SDK refreshes cached credentials shortly before they expire;
	// with credentials that live a few seconds, a scan spanning that time
	// must assume the role again rather than fail.
	faults.expireIn = 3 * time.Second
	var slow sync.Once
	res, err := Collect(context.Background(), Options{
		Regions:     []string{"us-east-1", "eu-west-1"},
		Services:    []string{"sqs"},
		AssumeRole:  "VigilAudit",
		Accounts:    []string{moto.Account},
		LoadOptions: srv.LoadOptions("us-east-1"),
		HTTPClient:  &http.Client{Transport: faults},
		Concurrency: 1,
		Progress: func(Event) {
			slow.Do(func() { time.Sleep(4 * time.Second) })
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	noErrors(t, res)
	if n := faults.count("sts:AssumeRole"); n < 2 {
		t.Errorf("expired credentials were not refreshed: %d AssumeRole calls", n)
	}
	if len(byKind(res, "aws.sqs.queue")) != 2 {
		t.Errorf("queues in both regions expected: %v", byKind(res, "aws.sqs.queue"))
	}
}

func TestUnassumableAccountIsReportedOthersGoOn(t *testing.T) {
	srv := moto.Start(t)
	seedQueues(t, srv, "us-east-1")
	faults := newFaults(t)
	faults.denyAssume["210987654321"] = true
	res, err := Collect(context.Background(), Options{
		Regions:     []string{"us-east-1"},
		Services:    []string{"sqs"},
		AssumeRole:  "VigilAudit",
		Accounts:    []string{moto.Account, "210987654321"},
		LoadOptions: srv.LoadOptions("us-east-1"),
		HTTPClient:  &http.Client{Transport: faults},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Accounts) != 1 || res.Accounts[0] != moto.Account {
		t.Errorf("accounts scanned: %v", res.Accounts)
	}
	found := false
	for _, e := range res.Errors {
		if e.Account == "210987654321" && e.Service == "sts" && e.Operation == "AssumeRole" && e.Code == "AccessDenied" {
			found = true
		}
	}
	if !found {
		t.Errorf("failed AssumeRole not reported: %v", res.Errors)
	}
	// The account's units are unread, not empty: a store keeps what it
	// held of them.
	want := []model.UnitOutcome{
		{Unit: model.Unit{Provider: "aws", Account: moto.Account, Region: "us-east-1", Service: "sqs"}, Status: model.UnitComplete,
			Kinds: []string{"aws.sqs.queue"}, Resources: len(byKind(res, "aws.sqs.queue"))},
		{Unit: model.Unit{Provider: "aws", Account: "210987654321", Service: "sqs"}, Status: model.UnitFailed,
			Kinds: []string{"aws.sqs.queue"}, Unread: []string{"aws.sqs.queue"}},
	}
	if !reflect.DeepEqual(res.Units, want) {
		t.Errorf("units %+v, want %+v", res.Units, want)
	}
}
