package aws

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("ssm", false, collectSSM) }

// collectSSM reads every SSM managed instance (agent ping status) with its
// patch compliance into aws.ssm.managed_instance. Patch compliance comes
// from ListResourceComplianceSummaries filtered on the Patch type; an
// instance without a patch summary gets patch_compliant null.
func collectSSM(ctx context.Context, s *scope) {
	client := ssm.NewFromConfig(s.Config())
	patch := map[string]ssmtypes.ResourceComplianceSummaryItem{}
	s.readKind("ListResourceComplianceSummaries", kindFills{model.KindSSMManagedInstance.Name(): {"patch_compliant"}}, func() error {
		cp := ssm.NewListResourceComplianceSummariesPaginator(client, &ssm.ListResourceComplianceSummariesInput{
			Filters: []ssmtypes.ComplianceStringFilter{{Key: aws.String("ComplianceType"), Values: []string{"Patch"},
				Type: ssmtypes.ComplianceQueryOperatorTypeEqual}}})
		for cp.HasMorePages() {
			page, err := cp.NextPage(ctx)
			if err != nil {
				return err
			}
			for _, it := range page.ResourceComplianceSummaryItems {
				patch[aws.ToString(it.ResourceId)] = it
			}
		}
		return nil
	})
	p := ssm.NewDescribeInstanceInformationPaginator(client, &ssm.DescribeInstanceInformationInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeInstanceInformation", err)
			return
		}
		for _, info := range page.InstanceInformationList {
			id := aws.ToString(info.InstanceId)
			mi := &model.SSMManagedInstance{InstanceID: id, PingStatus: string(info.PingStatus)}
			raw := map[string]any{"InstanceInformation": info}
			if it, ok := patch[id]; ok {
				mi.PatchCompliant = boolPtr(it.Status == ssmtypes.ComplianceStatusCompliant)
				raw["PatchCompliance"] = it
			}
			// One id form for EC2 and hybrid (mi-...) instances alike, distinct
			// from the EC2 instance's own ARN so the two resources never clash.
			arn := fmt.Sprintf("arn:%s:ssm:%s:%s:managed-instance/%s", svcPartition(s.region), s.region, s.account, id)
			s.add(arn, model.KindSSMManagedInstance.With(mi), id, raw, nil)
		}
	}
}
