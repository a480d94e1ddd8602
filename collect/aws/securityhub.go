package aws

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	shtypes "github.com/aws/aws-sdk-go-v2/service/securityhub/types"
	"github.com/aws/smithy-go"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("securityhub", false, collectSecurityHub) }

// collectSecurityHub records whether Security Hub is enabled in the region
// (aws.region security_hub_enabled): DescribeHub succeeds when it is, and
// answers InvalidAccessException ("not subscribed") when it is not. When it
// is, the enabled standards are recorded too.
func collectSecurityHub(ctx context.Context, s *scope) {
	client := securityhub.NewFromConfig(s.Config())
	_, err := client.DescribeHub(ctx, &securityhub.DescribeHubInput{})
	if err != nil {
		var apiErr smithy.APIError
		if !errors.As(err, &apiErr) || (apiErr.ErrorCode() != "InvalidAccessException" && apiErr.ErrorCode() != "ResourceNotFoundException") {
			s.fail("DescribeHub", err)
			return
		}
	}
	s.regionFact(factSecurityHub, boolPtr(err == nil))
	if err != nil {
		return
	}
	standards := []string{}
	p := securityhub.NewGetEnabledStandardsPaginator(client, &securityhub.GetEnabledStandardsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("GetEnabledStandards", err)
			return
		}
		for _, sub := range page.StandardsSubscriptions {
			if sub.StandardsStatus == shtypes.StandardsStatusReady || sub.StandardsStatus == shtypes.StandardsStatusIncomplete {
				standards = append(standards, aws.ToString(sub.StandardsArn))
			}
		}
	}
	s.updateRegionFact(func(r *model.AWSRegion) { r.SecurityHubStandards = standards })
}
