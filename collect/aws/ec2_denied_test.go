package aws

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// ec2Deny answers the listed EC2 actions the way EC2 refuses them
// (UnauthorizedOperation in EC2's own error envelope) and passes the rest
// on to moto.
type ec2Deny struct {
	base    http.RoundTripper
	actions map[string]bool
}

func (d ec2Deny) RoundTrip(req *http.Request) (*http.Response, error) {
	if op, _ := operationOf(req); d.actions[op] {
		body := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation: ec2:%s</Message></Error></Errors><RequestID>vigil-test</RequestID></Response>`, op)
		return &http.Response{StatusCode: 403, Status: "403 Forbidden", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
			Header: http.Header{"Content-Type": {"text/xml;charset=UTF-8"}},
			Body:   io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)), Request: req}, nil
	}
	return d.base.RoundTrip(req)
}

// TestEC2DeniedDetailsAreUnknownNotFalse: when a joined call is refused,
// the collection error is recorded and the attribute it would have decided
// is unknown, so no rule fails on a guess.
func TestEC2DeniedDetailsAreUnknownNotFalse(t *testing.T) {
	srv := moto.Start(t)
	seedEC2(t, srv)
	t.Setenv("AWS_CA_BUNDLE", "")
	denied := []string{"DescribeFlowLogs", "DescribeLaunchTemplateVersions", "DescribeSnapshotAttribute",
		"DescribeVolumes", "GetEbsEncryptionByDefault", "GetImageBlockPublicAccessState", "GetSnapshotBlockPublicAccessState",
		"DescribeNetworkInterfaces"}
	deny := ec2Deny{base: http.DefaultTransport, actions: map[string]bool{}}
	for _, a := range denied {
		deny.actions[a] = true
	}
	res, err := Collect(context.Background(), Options{
		Regions:     []string{"us-east-1"},
		Services:    []string{"ec2"},
		LoadOptions: srv.LoadOptions("us-east-1"),
		HTTPClient:  &http.Client{Transport: deny},
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var ops []string
	for _, e := range res.Errors {
		if e.Service != "ec2" || e.Region != "us-east-1" || e.Code != "UnauthorizedOperation" {
			t.Errorf("error: %s", e)
		}
		if !seen[e.Operation] {
			seen[e.Operation] = true
			ops = append(ops, e.Operation)
		}
	}
	sort.Strings(ops)
	// (DescribeSnapshotAttribute and DescribeLaunchTemplateVersions fail
	// once per snapshot and template.)
	want := []string{"DescribeFlowLogs", "DescribeLaunchTemplateVersions", "DescribeNetworkInterfaces", "DescribeSnapshotAttribute",
		"DescribeVolumes", "GetEbsEncryptionByDefault", "GetImageBlockPublicAccessState", "GetSnapshotBlockPublicAccessState"}
	if fmt.Sprint(ops) != fmt.Sprint(want) {
		t.Errorf("errors %v, want %v", ops, want)
	}

	ins := byKind(res, "aws.ec2.instance")["imdsv1"]
	if ins == nil || !ins.IsUnknown("block_devices[0].encrypted") {
		t.Fatalf("instance block device encryption should be unknown: %+v", ins)
	}
	if vpc := byKind(res, "aws.ec2.vpc")["dark"]; vpc == nil || !vpc.IsUnknown("flow_logs_enabled") {
		t.Errorf("flow logs should be unknown: %+v", vpc)
	}
	if sn := byKind(res, "aws.ec2.snapshot")["public-snap"]; sn == nil || !sn.IsUnknown("public") {
		t.Errorf("snapshot public should be unknown: %+v", sn)
	}
	for _, r := range res.Resources {
		if a, ok := r.Attributes.(*model.AWSRegion); ok && (a.EBSEncryptionByDefault != nil || a.EBSSnapshotBlockPublicAccess != nil || a.AMIBlockPublicAccess != nil) {
			t.Errorf("EBS default encryption and block public access should be null: %+v", r.Attributes)
		}
		if r.Kind == "aws.ec2.network_interface" {
			t.Errorf("interfaces were not listed, yet %s is here", r.ID)
		}
		if g, ok := r.Attributes.(*model.EC2SecurityGroup); ok && !r.IsUnknown("network_interface_count") {
			t.Errorf("group %s: interface count %d should be unknown", g.Name, g.NetworkInterfaceCount)
		}
	}
	fails := failing(t, res.Resources)
	if fails["imdsv1"]["AWS-EC2-010"] || fails["dark"]["AWS-EC2-012"] || fails["us-east-1"]["AWS-EC2-011"] || fails["lt-v1"]["AWS-EC2-007"] ||
		fails["us-east-1"]["AWS-EC2-028"] || fails["us-east-1"]["AWS-EC2-029"] || fails["idle"]["AWS-EC2-027"] {
		t.Errorf("a rule failed on an unknown value: %v", fails)
	}
	// What was read still judges.
	if !fails["imdsv1"]["AWS-EC2-007"] || !fails["ssh-open"]["AWS-EC2-002"] {
		t.Errorf("readable settings must still be judged: %v", fails)
	}
}
