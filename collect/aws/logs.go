package aws

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("logs", false, collectLogs) }

// collectLogs reads every log group (KMS key, retention) into
// aws.logs.log_group. The region's metric filters are read once and kept
// on the log group they watch (metric_filters, with the pattern's
// normalized conditions): the CIS monitoring controls look for them there.
func collectLogs(ctx context.Context, s *scope) {
	client := cloudwatchlogs.NewFromConfig(s.Config())
	filters := map[string][]logstypes.MetricFilter{}
	s.readKind("DescribeMetricFilters", kindFills{model.KindCloudWatchLogGroup.Name(): {"metric_filters"}}, func() error {
		fp := cloudwatchlogs.NewDescribeMetricFiltersPaginator(client, &cloudwatchlogs.DescribeMetricFiltersInput{})
		for fp.HasMorePages() {
			page, err := fp.NextPage(ctx)
			if err != nil {
				return err
			}
			for _, f := range page.MetricFilters {
				filters[aws.ToString(f.LogGroupName)] = append(filters[aws.ToString(f.LogGroupName)], f)
			}
		}
		return nil
	})
	p := cloudwatchlogs.NewDescribeLogGroupsPaginator(client, &cloudwatchlogs.DescribeLogGroupsInput{})
	var groups []logstypes.LogGroup
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeLogGroups", err)
			return
		}
		groups = append(groups, page.LogGroups...)
	}
	forEach(s, groups, func(g logstypes.LogGroup) {
		name := aws.ToString(g.LogGroupName)
		lg := &model.CloudWatchLogGroup{
			Name:            name,
			KMSKeyID:        aws.ToString(g.KmsKeyId),
			RetentionInDays: int(aws.ToInt32(g.RetentionInDays)),
		}
		// LogGroupArn is the ARN without the ":*" suffix Arn carries.
		arn := aws.ToString(g.LogGroupArn)
		if arn == "" {
			arn = strings.TrimSuffix(aws.ToString(g.Arn), ":*")
		}
		rd := s.reads(arn)
		var tags map[string]string
		rd.call("ListTagsForResource", []string{model.TagsPath}, func() error {
			tt, err := client.ListTagsForResource(ctx, &cloudwatchlogs.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
			if err != nil {
				return err
			}
			if len(tt.Tags) > 0 {
				tags = tt.Tags
			}
			return nil
		})
		mf := filters[name]
		if mf == nil {
			mf = []logstypes.MetricFilter{}
		}
		lg.MetricFilters = metricFilters(mf)
		raw := struct {
			LogGroup      logstypes.LogGroup
			MetricFilters []logstypes.MetricFilter
		}{g, mf}
		var rels []model.Relation
		if lg.KMSKeyID != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: lg.KMSKeyID})
		}
		rd.add(model.KindCloudWatchLogGroup.With(lg), name, raw, tags, rels...)
	})
}

// metricFilters turns a group's filters into the model's: one per metric
// transformation (AWS allows one today; the API is a list).
func metricFilters(fs []logstypes.MetricFilter) []model.LogMetricFilter {
	out := []model.LogMetricFilter{}
	for _, f := range fs {
		base := model.LogMetricFilter{
			Name:       aws.ToString(f.FilterName),
			Pattern:    aws.ToString(f.FilterPattern),
			Conditions: model.FilterConditions(aws.ToString(f.FilterPattern)),
		}
		if len(f.MetricTransformations) == 0 {
			out = append(out, base)
		}
		for _, t := range f.MetricTransformations {
			m := base
			m.MetricName = aws.ToString(t.MetricName)
			m.MetricNamespace = aws.ToString(t.MetricNamespace)
			m.MetricValue = aws.ToString(t.MetricValue)
			out = append(out, m)
		}
	}
	return out
}
