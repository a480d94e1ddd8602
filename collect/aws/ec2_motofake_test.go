package aws

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"slices"
	"testing"

	"github.com/vigil-sec/vigil/internal/moto"
)

// motoEC2BlockPublicAccess are the EC2 calls moto does not serve (it
// answers 500, which the SDK retries): the region's block public access
// states for EBS snapshots and AMIs. ec2Fake answers them, in EC2's
// query/XML wire format, with AWS's values for an account that never
// changed them (snapshots unblocked; AMIs unblocked, the state of accounts
// that had public AMIs when the guard was introduced), and passes every
// other request to moto.
var motoEC2BlockPublicAccess = map[string]string{
	"GetSnapshotBlockPublicAccessState": "<state>unblocked</state><managedBy>account</managedBy>",
	"GetImageBlockPublicAccessState":    "<imageBlockPublicAccessState>unblocked</imageBlockPublicAccessState><managedBy>account</managedBy>",
}

// withEC2Fakes puts ec2Fake in front of srv when the services collected
// include EC2.
func withEC2Fakes(t *testing.T, srv *moto.Server, services []string) *moto.Server {
	t.Helper()
	if !slices.Contains(services, "ec2") {
		return srv
	}
	target, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		if q, err := url.ParseQuery(string(body)); err == nil {
			if answer, ok := motoEC2BlockPublicAccess[q.Get("Action")]; ok {
				w.Header().Set("Content-Type", "text/xml;charset=UTF-8")
				_, _ = fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><%[1]sResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>fake-request</requestId>%[2]s</%[1]sResponse>`,
					q.Get("Action"), answer)
				return
			}
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	return &moto.Server{URL: ts.URL}
}
