package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	gdtypes "github.com/aws/aws-sdk-go-v2/service/guardduty/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("guardduty", false, collectGuardDuty) }

// collectGuardDuty reads the region's detectors (there is at most one per
// account and region) into aws.guardduty.detector, and the region fact:
// GuardDuty is on when an enabled detector exists.
func collectGuardDuty(ctx context.Context, s *scope) {
	client := guardduty.NewFromConfig(s.Config())
	enabled := false
	p := guardduty.NewListDetectorsPaginator(client, &guardduty.ListDetectorsInput{})
	var detectors []string
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListDetectors", err)
			return // the fact stays unknown
		}
		detectors = append(detectors, page.DetectorIds...)
	}
	unread := false
	for _, id := range detectors {
		arn := "arn:aws:guardduty:" + s.region + ":" + s.account + ":detector/" + id
		d, err := client.GetDetector(ctx, &guardduty.GetDetectorInput{DetectorId: aws.String(id)})
		if err != nil {
			s.failResource("GetDetector", arn, err)
			unread = true
			continue
		}
		a := &model.GuardDutyDetector{Enabled: d.Status == gdtypes.DetectorStatusEnabled}
		enabled = enabled || a.Enabled
		s.add(arn, model.KindGuardDutyDetector.With(a), id, d, d.Tags)
	}
	if unread && !enabled {
		return // an unread detector may be the enabled one: unknown
	}
	s.regionFact(factGuardDuty, boolPtr(enabled))
}
