package aws

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/shield"
	shieldtypes "github.com/aws/aws-sdk-go-v2/service/shield/types"

	"github.com/vigil-sec/vigil/model"
)

func TestShieldRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "shield")
	cfg, _ := testCloud(t, w)
	client := shield.NewFromConfig(cfg)
	st, err := client.GetSubscriptionState(iamCtx, &shield.GetSubscriptionStateInput{})
	if err != nil || st.SubscriptionState != shieldtypes.SubscriptionStateActive {
		t.Errorf("state %v %v", st, err)
	}
	sub, err := client.DescribeSubscription(iamCtx, &shield.DescribeSubscriptionInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "subscription", sub.Subscription, w.Account(fragmentAccount).worldOf("shield", Global).(*shieldWorld).Subscription)

	// The member account never subscribed.
	cfg.Credentials = aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: w.Account("222222222222").AccessKey, SecretAccessKey: "x"}, nil
	}))
	member := shield.NewFromConfig(cfg)
	st, err = member.GetSubscriptionState(iamCtx, &shield.GetSubscriptionStateInput{})
	if err != nil || st.SubscriptionState != shieldtypes.SubscriptionStateInactive {
		t.Errorf("member state %v %v", st, err)
	}
	_, err = member.DescribeSubscription(iamCtx, &shield.DescribeSubscriptionInput{})
	iamWantCode(t, "no subscription", err, "ResourceNotFoundException")
}

// aws.account shield_advanced follows the subscription: active, ended
// without renewal, never taken.
func TestShieldCollect(t *testing.T) {
	ended := &shieldtypes.Subscription{StartTime: aws.Time(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)),
		EndTime: aws.Time(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)), AutoRenew: shieldtypes.AutoRenewDisabled}
	for _, tc := range []struct {
		what string
		set  func(*World)
		want bool
	}{
		{"fragment's subscription", func(*World) {}, true},
		{"ended, not renewed", func(w *World) { w.Account(fragmentAccount).Set(Global, "shield", &shieldWorld{Subscription: ended}) }, false},
		{"never subscribed", func(w *World) { w.Account(fragmentAccount).Set(Global, "shield", &shieldWorld{}) }, false},
	} {
		w := fragmentWorld(t, "shield")
		tc.set(w)
		res, srv := collect(t, w, "shield")
		if len(res.Errors) > 0 || len(srv.Stats().Unhandled) > 0 {
			t.Errorf("%s: errors %v unhandled %v", tc.what, res.Errors, srv.Stats().Unhandled)
		}
		acct := byKind(res.Resources)["aws.account"]["111111111111"]
		if acct == nil {
			t.Fatalf("%s: no account", tc.what)
		}
		if got := acct.Attributes.(*model.AWSAccount).ShieldAdvanced; got == nil || *got != tc.want {
			t.Errorf("%s: shield_advanced %v, want %v", tc.what, got, tc.want)
		}
	}
}
