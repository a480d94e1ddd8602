package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/athena"
	athenatypes "github.com/aws/aws-sdk-go-v2/service/athena/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("athena", false, collectAthena) }

// athenaFills are the settings GetWorkGroup fills: ListWorkGroups answers
// names and states only.
var athenaFills = []string{"enforce_configuration", "result_encryption", "publish_cloudwatch_metrics"}

// collectAthena reads every workgroup (ListWorkGroups, then GetWorkGroup)
// into aws.athena.workgroup.
func collectAthena(ctx context.Context, s *scope) {
	client := athena.NewFromConfig(s.Config())
	p := athena.NewListWorkGroupsPaginator(client, &athena.ListWorkGroupsInput{})
	var groups []athenatypes.WorkGroupSummary
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListWorkGroups", err)
			return
		}
		groups = append(groups, page.WorkGroups...)
	}
	forEach(s, groups, func(g athenatypes.WorkGroupSummary) {
		name := aws.ToString(g.Name)
		a := &model.AthenaWorkGroup{Enabled: g.State == athenatypes.WorkGroupStateEnabled}
		raw := map[string]any{"WorkGroupSummary": g}
		var rels []model.Relation
		rd := s.reads("arn:" + svcPartition(s.region) + ":athena:" + s.region + ":" + s.account + ":workgroup/" + name)
		rd.call("GetWorkGroup", athenaFills, func() error {
			out, err := client.GetWorkGroup(ctx, &athena.GetWorkGroupInput{WorkGroup: g.Name})
			if awsCodeIn(err, "InvalidRequestException") {
				return nil // deleted since it was listed
			}
			if err != nil {
				return err
			}
			raw["WorkGroup"] = out.WorkGroup
			if out.WorkGroup == nil || out.WorkGroup.Configuration == nil {
				return nil
			}
			c := out.WorkGroup.Configuration
			a.EnforceConfiguration = aws.ToBool(c.EnforceWorkGroupConfiguration)
			a.PublishMetrics = aws.ToBool(c.PublishCloudWatchMetricsEnabled)
			if r := c.ResultConfiguration; r != nil && r.EncryptionConfiguration != nil {
				a.ResultEncryption = string(r.EncryptionConfiguration.EncryptionOption)
				if k := aws.ToString(r.EncryptionConfiguration.KmsKey); k != "" {
					rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: k})
				}
			}
			// Results Athena keeps itself are always encrypted.
			if m := c.ManagedQueryResultsConfiguration; m != nil && m.Enabled && a.ResultEncryption == "" {
				a.ResultEncryption = "MANAGED"
			}
			return nil
		})
		rd.add(model.KindAthenaWorkGroup.With(a), name, raw, nil, rels...)
	})
}
