package aws

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/aws/smithy-go/encoding/cbor"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// The Go SDK's CloudWatch client speaks RPCv2 CBOR, which moto cannot read:
// against moto the failure must become one proper collection error for the
// service and region, and the scan completes.
func TestCloudWatchAgainstMotoFailsCleanly(t *testing.T) {
	srv := moto.Start(t)
	res := collectMoto(t, srv, []string{"cloudwatch"})
	if len(res.Errors) != 1 {
		t.Fatalf("want one collection error, got %v", res.Errors)
	}
	e := res.Errors[0]
	if e.Service != "cloudwatch" || e.Operation != "DescribeAlarms" || e.Region != "us-east-1" || e.Account != moto.Account || e.Message == "" {
		t.Errorf("collection error: %+v", e)
	}
	if n := len(byKind(res, "aws.cloudwatch.alarm")); n != 0 {
		t.Errorf("alarms from a failed call: %d", n)
	}
}

// A small RPCv2 CBOR server answers DescribeAlarms in two pages (shape of
// the CloudWatch API reference); STS goes through to moto.
func TestCloudWatchAlarmsOverCBOR(t *testing.T) {
	srv := moto.Start(t)
	target, _ := url.Parse(srv.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	alarm := func(name, metric string, enabled bool, actions ...string) cbor.Value {
		as := cbor.List{}
		for _, a := range actions {
			as = append(as, cbor.String(a))
		}
		return cbor.Map{"AlarmName": cbor.String(name), "AlarmArn": cbor.String("arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name),
			"MetricName": cbor.String(metric), "Namespace": cbor.String("CISBenchmark"), "ActionsEnabled": cbor.Bool(enabled),
			"AlarmActions": as, "StateValue": cbor.String("OK"), "Threshold": cbor.Float64(1),
			"StateUpdatedTimestamp": &cbor.Tag{ID: 1, Value: cbor.Float64(1.7e9)}}
	}
	var mu sync.Mutex
	var bodies []cbor.Value
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/service/GraniteServiceVersion20100801/operation/DescribeAlarms") {
			proxy.ServeHTTP(w, r)
			return
		}
		b, _ := io.ReadAll(r.Body)
		in, err := cbor.Decode(b)
		if err != nil {
			t.Errorf("request body: %v", err)
		}
		mu.Lock()
		bodies = append(bodies, in)
		mu.Unlock()
		out := cbor.Map{"MetricAlarms": cbor.List{alarm("root-usage", "RootAccountUsage", true, "arn:aws:sns:us-east-1:123456789012:security")},
			"NextToken": cbor.String("page-2")}
		if m, ok := in.(cbor.Map); ok && m["NextToken"] != nil {
			out = cbor.Map{"MetricAlarms": cbor.List{alarm("muted", "ConsoleSignInFailures", false)}}
		}
		w.Header().Set("Smithy-Protocol", "rpc-v2-cbor")
		w.Header().Set("Content-Type", "application/cbor")
		_, _ = w.Write(cbor.Encode(out))
	}))
	defer ts.Close()
	res := collectMoto(t, &moto.Server{URL: ts.URL}, []string{"cloudwatch"})
	noErrors(t, res)
	if len(bodies) != 2 {
		t.Errorf("want 2 pages, got %d", len(bodies))
	}
	alarms := byKind(res, "aws.cloudwatch.alarm")
	if len(alarms) != 2 {
		t.Fatalf("want 2 alarms, got %d", len(alarms))
	}
	root, muted := alarms["root-usage"], alarms["muted"]
	if a := root.Attributes.(*model.CloudWatchAlarm); a.MetricName != "RootAccountUsage" || a.Namespace != "CISBenchmark" || !a.ActionsEnabled ||
		a.AlarmActions != 1 || root.ID != "arn:aws:cloudwatch:us-east-1:123456789012:alarm:root-usage" || len(root.Raw) == 0 ||
		len(a.AlarmActionARNs) != 1 || a.AlarmActionARNs[0] != "arn:aws:sns:us-east-1:123456789012:security" ||
		len(root.Relations) != 1 || root.Relations[0] != (model.Relation{Type: model.RelNotifies, Target: "arn:aws:sns:us-east-1:123456789012:security"}) {
		t.Errorf("root-usage: %+v %+v", root, a)
	}
	if a := muted.Attributes.(*model.CloudWatchAlarm); a.ActionsEnabled || a.AlarmActions != 0 {
		t.Errorf("muted: %+v", a)
	}
}
