package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	gdtypes "github.com/aws/aws-sdk-go-v2/service/guardduty/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("guardduty", false, collectGuardDuty) }

// guardDutyPlans reads the protection plans from GetDetector's Features.
// (Its DataSources, deprecated in favour of Features, repeat three of
// them.)
func guardDutyPlans(a *model.GuardDutyDetector, d *guardduty.GetDetectorOutput) {
	for _, f := range d.Features {
		agents := map[string]bool{}
		for _, c := range f.AdditionalConfiguration {
			agents[string(c.Name)] = c.Status == gdtypes.FeatureStatusEnabled
		}
		a.SetFeature(string(f.Name), f.Status == gdtypes.FeatureStatusEnabled, agents)
	}
}

// collectGuardDuty reads the region's detectors (there is at most one per
// account and region) into aws.guardduty.detector, and the region fact:
// GuardDuty is on when an enabled detector exists. GetDetector also
// gives the detector's protection plans.
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
		guardDutyPlans(a, d)
		rd := s.reads(arn)
		// A plan the detector does not report is not offered in the
		// region: unknown, neither on nor off.
		rd.unread(a.NullPlans()...)
		rd.add(model.KindGuardDutyDetector.With(a), id, d, d.Tags)
	}
	if unread && !enabled {
		return // an unread detector may be the enabled one: unknown
	}
	s.regionFact(factGuardDuty, boolPtr(enabled))
}
