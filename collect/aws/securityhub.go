package aws

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/smithy-go"

	"github.com/vigil-sec/vigil/model"
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
	s.securityHubFact(boolPtr(err == nil))
}

// securityHubFact sets aws.region security_hub_enabled.
// TODO(lead): fold into facts.setRegion as a fact key.
func (s *scope) securityHubFact(v *bool) {
	f := s.c.facts
	f.mu.Lock()
	defer f.mu.Unlock()
	k := [2]string{s.account, s.region}
	if f.regions[k] == nil {
		f.regions[k] = &model.AWSRegion{}
	}
	f.regions[k].SecurityHubEnabled = v
}
