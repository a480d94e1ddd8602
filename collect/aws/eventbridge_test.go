package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedEventBridge opens a bus to anyone, shares another with an outside
// account, and opens a third to "*" within an organization only.
func seedEventBridge(t *testing.T, srv *moto.Server) {
	t.Helper()
	client := eventbridge.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	for _, name := range []string{"open", "shared", "org"} {
		must(client.CreateEventBus(ctx, &eventbridge.CreateEventBusInput{Name: aws.String(name), Tags: []ebtypes.Tag{{Key: aws.String("team"), Value: aws.String(name)}}}))
	}
	// A whole policy: moto writes PutPermission's Principal "*" as
	// {"AWS": "arn:aws:iam::*:root"}, where AWS writes "*".
	must(client.PutPermission(ctx, &eventbridge.PutPermissionInput{EventBusName: aws.String("open"),
		Policy: aws.String(`{"Version":"2012-10-17","Statement":[{"Sid":"anyone","Effect":"Allow","Principal":"*","Action":"events:PutEvents","Resource":"arn:aws:events:us-east-1:123456789012:event-bus/open"}]}`)}))
	must(client.PutPermission(ctx, &eventbridge.PutPermissionInput{EventBusName: aws.String("shared"), StatementId: aws.String("partner"),
		Action: aws.String("events:PutEvents"), Principal: aws.String("222222222222")}))
	must(client.PutPermission(ctx, &eventbridge.PutPermissionInput{EventBusName: aws.String("org"),
		Policy: aws.String(`{"Version":"2012-10-17","Statement":[{"Sid":"org","Effect":"Allow","Principal":"*","Action":"events:PutEvents","Resource":"arn:aws:events:us-east-1:123456789012:event-bus/org","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}]}`)}))
}

func TestEventBridgeAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedEventBridge(t, srv)
	res := collectMoto(t, srv, []string{"eventbridge"})
	noErrors(t, res)

	buses := byKind(res, "aws.eventbridge.event_bus")
	for _, name := range []string{"default", "open", "shared", "org"} {
		if buses[name] == nil {
			t.Fatalf("bus %s missing: %v", name, buses)
		}
	}
	if b := buses["open"]; b.Tags["team"] != "open" {
		t.Errorf("open: tags %v", b.Tags)
	}
	if a := buses["default"].Attributes.(*model.EventBridgeEventBus); a.Policy != nil {
		t.Errorf("default: policy %+v", a.Policy)
	}
	if a := buses["org"].Attributes.(*model.EventBridgeEventBus); a.Policy == nil || len(a.Policy.Statements) != 1 || len(a.Policy.Statements[0].Conditions) != 1 {
		t.Errorf("org: policy %+v", a.Policy)
	}
	fails := failing(t, res.Resources)
	for _, c := range []struct {
		rule string
		bad  string
	}{{"AWS-EB-001", "open"}, {"AWS-EB-002", "shared"}} {
		for _, name := range []string{"default", "open", "shared", "org"} {
			if fails[name][c.rule] != (name == c.bad) {
				t.Errorf("%s on %s: %v", c.rule, name, fails[name])
			}
		}
	}
}
