package aws

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	"github.com/vigil-sec/vigil/model"
)

func testWorld(t *testing.T) *World {
	t.Helper()
	var b strings.Builder
	b.WriteString(`regions: [us-east-1, eu-west-1]
accounts:
  - id: "111111111111"
    name: management
    access_key: AKIAMANAGEMENT00001
    resources:
      eu-west-1:
        sqs:
          queues:
          - name: plain
            attributes: {SqsManagedSseEnabled: "false"}
            tags: {team: jobs}
  - id: "222222222222"
    name: workloads
    access_key: AKIAWORKLOADS000001
    resources:
      us-east-1:
        sqs:
          queues:
`)
	for i := 0; i < 1050; i++ {
		fmt.Fprintf(&b, "          - name: q%04d\n", i)
	}
	w, err := ParseWorld([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// The real collector, unmodified, reads the test cloud through its
// endpoint settings: region discovery, AssumeRole into each account, and
// SQS pagination across more than one page.
func TestCollectorAgainstTestCloud(t *testing.T) {
	srv := httptest.NewServer(NewServer(testWorld(t)))
	defer srv.Close()
	t.Setenv("AWS_CA_BUNDLE", "")
	res, err := awscollect.Collect(context.Background(), awscollect.Options{
		Services:   []string{"sqs"},
		AssumeRole: "VigilAudit",
		Accounts:   []string{"111111111111", "222222222222", "333333333333"},
		LoadOptions: []func(*config.LoadOptions) error{
			config.WithRegion("us-east-1"),
			config.WithBaseEndpoint(srv.URL),
			config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("AKIAMANAGEMENT00001", "x", "")),
			config.WithSharedConfigFiles([]string{}),
			config.WithSharedCredentialsFiles([]string{}),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Accounts) != 2 || len(res.Regions) != 2 {
		t.Errorf("accounts %v regions %v", res.Accounts, res.Regions)
	}
	if len(res.Errors) != 1 || res.Errors[0].Account != "333333333333" || res.Errors[0].Code != "AccessDenied" {
		t.Errorf("the account outside the world cannot be assumed: %v", res.Errors)
	}
	per := map[string]int{}
	var plain *model.Resource
	for _, r := range res.Resources {
		if r.Kind == "aws.sqs.queue" {
			per[r.Account+"/"+r.Region]++
			if r.Name == "plain" {
				plain = r
			}
		}
	}
	if per["222222222222/us-east-1"] != 1050 || per["111111111111/eu-west-1"] != 1 || len(per) != 2 {
		t.Errorf("queues per account/region: %v", per)
	}
	if plain == nil || plain.ID != "arn:aws:sqs:eu-west-1:111111111111:plain" || plain.Tags["team"] != "jobs" ||
		plain.Attributes.(*model.SQSQueue).SQSManagedSSEEnabled {
		t.Errorf("queue attributes: %+v", plain)
	}
}

func TestWorldValidation(t *testing.T) {
	for _, bad := range []string{
		"accounts: []",
		"accounts: [{id: '123', access_key: K}]",
		"accounts: [{id: '111111111111'}]",
		"accounts: [{id: '111111111111', access_key: K}, {id: '222222222222', access_key: K}]",
		"accounts: [{id: '111111111111', access_key: K, colour: red}]",
	} {
		if _, err := ParseWorld([]byte(bad)); err == nil {
			t.Errorf("world %q should be rejected", bad)
		}
	}
}
