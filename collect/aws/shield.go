package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/shield"
	shieldtypes "github.com/aws/aws-sdk-go-v2/service/shield/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("shield", true, collectShield) }

// collectShield records whether the account subscribes to Shield Advanced
// (aws.account shield_advanced) from GetSubscriptionState (ACTIVE or
// INACTIVE); a failed call leaves the fact null.
func collectShield(ctx context.Context, s *scope) {
	out, err := shield.NewFromConfig(s.Config()).GetSubscriptionState(ctx, &shield.GetSubscriptionStateInput{})
	if err != nil {
		s.fail("GetSubscriptionState", err)
		return
	}
	v := out.SubscriptionState == shieldtypes.SubscriptionStateActive
	s.accountFact(func(a *model.AWSAccount) { a.ShieldAdvanced = boolPtr(v) })
}
