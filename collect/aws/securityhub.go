package aws

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/smithy-go"
)

func init() { register("securityhub", false, collectSecurityHub) }

// collectSecurityHub records whether Security Hub is enabled in the region
// (aws.region security_hub_enabled): DescribeHub succeeds when it is, and
// answers InvalidAccessException ("not subscribed") when it is not.
func collectSecurityHub(ctx context.Context, s *scope) {
	_, err := securityhub.NewFromConfig(s.Config()).DescribeHub(ctx, &securityhub.DescribeHubInput{})
	if err != nil {
		var apiErr smithy.APIError
		if !errors.As(err, &apiErr) || (apiErr.ErrorCode() != "InvalidAccessException" && apiErr.ErrorCode() != "ResourceNotFoundException") {
			s.fail("DescribeHub", err)
			return
		}
	}
	s.regionFact(factSecurityHub, boolPtr(err == nil))
}
