package aws

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/securityhub"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func securityHubFact(t *testing.T, res *Result, region string) *bool {
	t.Helper()
	for _, r := range res.Resources {
		if r.Kind == "aws.region" && r.Region == region {
			return r.Attributes.(*model.AWSRegion).SecurityHubEnabled
		}
	}
	t.Fatalf("no aws.region resource for %s", region)
	return nil
}

// enabledStandards answers GetEnabledStandards (moto lacks it) in Security
// Hub's REST-JSON format, in two pages, with one subscription on its way
// out; or AccessDenied when denied.
func enabledStandards(denied bool) map[string]http.HandlerFunc {
	return map[string]http.HandlerFunc{"/standards/get": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if denied {
			w.Header().Set("X-Amzn-Errortype", "AccessDeniedException")
			w.WriteHeader(http.StatusForbidden)
			_, _ = io.WriteString(w, `{"Message":"not authorized"}`)
			return
		}
		var in struct{ NextToken string }
		_ = json.NewDecoder(r.Body).Decode(&in)
		if in.NextToken == "" {
			_, _ = io.WriteString(w, `{"StandardsSubscriptions":[{"StandardsArn":"arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0","StandardsStatus":"READY","StandardsSubscriptionArn":"arn:aws:securityhub:eu-west-1:123456789012:subscription/cis-aws-foundations-benchmark/v/1.2.0","StandardsInput":{}}],"NextToken":"page-2"}`)
			return
		}
		_, _ = io.WriteString(w, `{"StandardsSubscriptions":[{"StandardsArn":"arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0","StandardsStatus":"INCOMPLETE","StandardsSubscriptionArn":"x","StandardsInput":{}},{"StandardsArn":"arn:aws:securityhub:eu-west-1::standards/pci-dss/v/3.2.1","StandardsStatus":"DELETING","StandardsSubscriptionArn":"y","StandardsInput":{}}]}`)
	}}
}

func regionOf(t *testing.T, res *Result, region string) *model.AWSRegion {
	t.Helper()
	for _, r := range res.Resources {
		if r.Kind == "aws.region" && r.Region == region {
			return r.Attributes.(*model.AWSRegion)
		}
	}
	t.Fatalf("no aws.region resource for %s", region)
	return nil
}

func TestSecurityHubAgainstMoto(t *testing.T) {
	srv := restFake(t, moto.Start(t), enabledStandards(false))
	if _, err := securityhub.NewFromConfig(srv.Config(t, "eu-west-1")).EnableSecurityHub(context.Background(), &securityhub.EnableSecurityHubInput{}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"securityhub"}, "us-east-1", "eu-west-1")
	noErrors(t, res)
	if v := securityHubFact(t, res, "us-east-1"); v == nil || *v {
		t.Errorf("us-east-1: security_hub_enabled = %v, want false", v)
	}
	if v := securityHubFact(t, res, "eu-west-1"); v == nil || !*v {
		t.Errorf("eu-west-1: security_hub_enabled = %v, want true", v)
	}
	want := []string{"arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0",
		"arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0"}
	if got := regionOf(t, res, "eu-west-1").SecurityHubStandards; !reflect.DeepEqual(got, want) {
		t.Errorf("enabled standards across both pages, without the one being deleted: %v", got)
	}
	if got := regionOf(t, res, "us-east-1").SecurityHubStandards; got != nil {
		t.Errorf("Security Hub off: standards unknown (null), got %v", got)
	}
}

func TestSecurityHubStandardsDeniedStayUnknown(t *testing.T) {
	srv := restFake(t, moto.Start(t), enabledStandards(true))
	if _, err := securityhub.NewFromConfig(srv.Config(t, "us-east-1")).EnableSecurityHub(context.Background(), &securityhub.EnableSecurityHubInput{}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"securityhub"}, "us-east-1")
	if len(res.Errors) != 1 || res.Errors[0].Operation != "GetEnabledStandards" || res.Errors[0].Code != "AccessDeniedException" ||
		!strings.Contains(res.Errors[0].Message, "securityhub:GetEnabledStandards") {
		t.Fatalf("want one AccessDenied on GetEnabledStandards naming the action, got %v", res.Errors)
	}
	r := regionOf(t, res, "us-east-1")
	if r.SecurityHubEnabled == nil || !*r.SecurityHubEnabled || r.SecurityHubStandards != nil {
		t.Errorf("enabled, standards unknown: %+v", r)
	}
}
