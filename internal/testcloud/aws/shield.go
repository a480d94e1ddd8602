package aws

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/service/shield"
	shieldtypes "github.com/aws/aws-sdk-go-v2/service/shield/types"
)

// shieldWorld is the account's Shield Advanced subscription; nil when the
// account never subscribed.
type shieldWorld struct {
	Subscription *shieldtypes.Subscription `json:"subscription"`
}

func init() {
	register(&service{name: "shield", signing: "shield", protocol: protoJSON11, global: true,
		newWorld: func() any { return &shieldWorld{} },
		ops: map[string]op{
			"GetSubscriptionState": func(c *call) (any, error) {
				state := shieldtypes.SubscriptionStateInactive
				if shieldActive(worldOf[shieldWorld](c).Subscription) {
					state = shieldtypes.SubscriptionStateActive
				}
				return &shield.GetSubscriptionStateOutput{SubscriptionState: state}, nil
			},
			"DescribeSubscription": func(c *call) (any, error) {
				s := worldOf[shieldWorld](c).Subscription
				if s == nil {
					return nil, badRequest("ResourceNotFoundException", "The subscription does not exist.")
				}
				return &shield.DescribeSubscriptionOutput{Subscription: s}, nil
			},
		}})
}

// shieldActive: a subscription is active until its end, unless it renews.
func shieldActive(s *shieldtypes.Subscription) bool {
	return s != nil && (s.AutoRenew == shieldtypes.AutoRenewEnabled || s.EndTime == nil || s.EndTime.After(time.Now()))
}
