package aws

import (
	"net/http"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	shtypes "github.com/aws/aws-sdk-go-v2/service/securityhub/types"
)

// securityHubWorld is Security Hub in one region.
type securityHubWorld struct {
	// Hub is DescribeHub's answer; nil: the account is not subscribed in
	// the region, and every call answers InvalidAccessException.
	Hub       *securityhub.DescribeHubOutput  `json:"hub"`
	Standards []shtypes.StandardsSubscription `json:"standards"`
}

// securityHubPageSize is GetEnabledStandards's largest page (MaxResults
// 1-100).
const securityHubPageSize = 100

func init() {
	register(&service{name: "securityhub", signing: "securityhub", protocol: protoRESTJSON,
		newWorld: func() any { return &securityHubWorld{} },
		routes: []route{
			{method: "GET", pattern: "/accounts", op: "DescribeHub"},
			{method: "POST", pattern: "/standards/get", op: "GetEnabledStandards"},
		},
		ops: map[string]op{
			"DescribeHub": func(c *call) (any, error) {
				w, err := securityHubOf(c)
				if err != nil {
					return nil, err
				}
				out := *w.Hub
				if out.HubArn == nil {
					out.HubArn = optional(c.arn("securityhub", "hub/default"))
				}
				if arn := c.param("HubArn"); arn != "" && arn != *out.HubArn {
					return nil, notFound("ResourceNotFoundException", "Hub %s not found", arn)
				}
				return &out, nil
			},
			"GetEnabledStandards": func(c *call) (any, error) {
				w, err := securityHubOf(c)
				if err != nil {
					return nil, err
				}
				var in securityhub.GetEnabledStandardsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				var all []shtypes.StandardsSubscription
				for _, s := range w.Standards {
					if s.StandardsSubscriptionArn == nil {
						// The standard's own path: ".../standards/aws-foundational-security-best-practices/v/1.0.0"
						// or the older "...:::ruleset/cis-aws-foundations-benchmark/v/1.2.0".
						arn := *s.StandardsArn
						path := arn[strings.LastIndex(arn, ":")+1:]
						path = path[strings.Index(path, "/")+1:]
						s.StandardsSubscriptionArn = optional(c.arn("securityhub", "subscription/"+path))
					}
					if len(in.StandardsSubscriptionArns) == 0 || slices.Contains(in.StandardsSubscriptionArns, *s.StandardsSubscriptionArn) {
						all = append(all, s)
					}
				}
				size := securityHubPageSize
				if in.MaxResults != nil && *in.MaxResults > 0 {
					size = min(int(*in.MaxResults), securityHubPageSize)
				}
				items, next, err := page(all, c.param("NextToken"), size)
				if err != nil {
					return nil, badRequest("InvalidInputException", "The request was rejected because the NextToken is invalid.")
				}
				return &securityhub.GetEnabledStandardsOutput{StandardsSubscriptions: items, NextToken: optional(next)}, nil
			},
		}})
}

// securityHubOf is the region's Security Hub, or AWS's answer for an
// account that has not enabled it there.
func securityHubOf(c *call) (*securityHubWorld, error) {
	w := worldOf[securityHubWorld](c)
	if w.Hub == nil {
		return nil, &apiError{status: http.StatusUnauthorized, code: "InvalidAccessException",
			msg: "Account " + c.account.ID + " is not subscribed to AWS Security Hub"}
	}
	return w, nil
}
