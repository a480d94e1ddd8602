package aws

import (
	"testing"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func shieldFact(t *testing.T, res *Result) *bool {
	t.Helper()
	for _, r := range res.Resources {
		if r.Kind == "aws.account" {
			return r.Attributes.(*model.AWSAccount).ShieldAdvanced
		}
	}
	return nil
}

// moto has no GetSubscriptionState (and its DescribeSubscription sends
// timestamps as strings the SDK rejects), so Shield answers come from
// fakeJSON in the shape of the Shield API reference.
func TestShieldSubscription(t *testing.T) {
	srv := moto.Start(t)
	for _, tc := range []struct {
		state string
		want  bool
	}{{"ACTIVE", true}, {"INACTIVE", false}} {
		fake, _ := fakeJSON(t, srv, map[string][]jsonReply{
			"AWSShield_20160616.GetSubscriptionState": {{body: `{"SubscriptionState":"` + tc.state + `"}`}}})
		res := collectMoto(t, fake, []string{"shield"})
		noErrors(t, res)
		if v := shieldFact(t, res); v == nil || *v != tc.want {
			t.Errorf("%s: shield_advanced = %v, want %v", tc.state, v, tc.want)
		}
	}
	fake, _ := fakeJSON(t, srv, map[string][]jsonReply{
		"AWSShield_20160616.GetSubscriptionState": {{errCode: "AccessDeniedException"}}})
	res := collectMoto(t, fake, []string{"shield"})
	if len(res.Errors) != 1 || res.Errors[0].Code != "AccessDeniedException" || res.Errors[0].Operation != "GetSubscriptionState" {
		t.Errorf("errors: %v", res.Errors)
	}
	if v := shieldFact(t, res); v != nil {
		t.Errorf("denied: shield_advanced = %v, want null", *v)
	}
}
