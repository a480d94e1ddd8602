package main

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/vigil-sec/vigil/internal/moto"
)

func TestMain(m *testing.M) {
	// Scans keep their snapshots in the default database: a scratch one
	// here, never the user's.
	data, err := os.MkdirTemp("", "vigil-data-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_DATA_HOME", data)
	code := m.Run()
	os.RemoveAll(data)
	moto.StopShared()
	os.Exit(code)
}

// TestScanAWSThroughEndpointURL runs `vigil scan aws` the way a user points
// it at LocalStack or moto: AWS_ENDPOINT_URL and the standard credential
// environment, nothing test-specific.
func TestScanAWSThroughEndpointURL(t *testing.T) {
	srv := moto.Start(t)
	if _, err := sqs.NewFromConfig(srv.Config(t, "us-east-1")).CreateQueue(context.Background(), &sqs.CreateQueueInput{
		QueueName: aws.String("jobs"), Attributes: map[string]string{"SqsManagedSseEnabled": "false"}}); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_ENDPOINT_URL", srv.URL)
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test-secret")
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AWS_CONFIG_FILE", os.DevNull)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", os.DevNull)
	out, errs, code := run(t, "scan", "aws", "-q", "--regions", "us-east-1", "--services", "sqs", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct {
		Scan struct {
			Targets []string `json:"targets"`
			Sources []string `json:"sources"`
		} `json:"scan"`
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Status   string `json:"status"`
			Resource struct {
				ID      string `json:"id"`
				Account string `json:"account"`
				Region  string `json:"region"`
			} `json:"resource"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(r.Scan.Targets) != 1 || r.Scan.Targets[0] != "aws:"+moto.Account || len(r.Scan.Sources) != 1 || r.Scan.Sources[0] != "aws" {
		t.Errorf("scan metadata: %+v", r.Scan)
	}
	found := false
	for _, f := range r.Findings {
		if f.RuleID == "AWS-SQS-001" && f.Status == "fail" && f.Resource.ID == "arn:aws:sqs:us-east-1:123456789012:jobs" &&
			f.Resource.Account == moto.Account && f.Resource.Region == "us-east-1" {
			found = true
		}
	}
	if !found {
		t.Errorf("the unencrypted live queue should fail AWS-SQS-001: %s", out)
	}
	if _, errs, code := run(t, "scan", "aws", "--services", "nope"); code != 2 || errs == "" {
		t.Errorf("an unknown service must be a usage error: exit %d %q", code, errs)
	}
}
