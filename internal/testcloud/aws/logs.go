package aws

import (
	"slices"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
)

// logsWorld is CloudWatch Logs in one region.
type logsWorld struct {
	LogGroups     []logsGroup              `json:"log_groups"`
	MetricFilters []logstypes.MetricFilter `json:"metric_filters"`
}

// logsGroup is a log group as DescribeLogGroups shows it (ARNs, class and
// metric filter count filled in) and its tags.
type logsGroup struct {
	logstypes.LogGroup
	Tags map[string]string `json:"tags"`
}

// logsPage is DescribeLogGroups's and DescribeMetricFilters's page: 50,
// also the most limit may ask for.
const logsPage = 50

func init() {
	register(&service{name: "logs", signing: "logs", protocol: protoJSON11, names: names{camel: true},
		newWorld: func() any { return &logsWorld{} },
		ops: map[string]op{
			"DescribeLogGroups": func(c *call) (any, error) {
				var in cloudwatchlogs.DescribeLogGroupsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				prefix, pattern := aws.ToString(in.LogGroupNamePrefix), aws.ToString(in.LogGroupNamePattern)
				if prefix != "" && pattern != "" {
					return nil, badRequest("InvalidParameterException", "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.")
				}
				var groups []logstypes.LogGroup
				for _, g := range logsGroups(c) {
					name := aws.ToString(g.LogGroupName)
					if !strings.HasPrefix(name, prefix) || !strings.Contains(name, pattern) ||
						in.LogGroupClass != "" && g.LogGroupClass != in.LogGroupClass ||
						len(in.LogGroupIdentifiers) > 0 && !slices.Contains(in.LogGroupIdentifiers, name) && !slices.Contains(in.LogGroupIdentifiers, aws.ToString(g.LogGroupArn)) {
						continue
					}
					if pattern != "" {
						// A pattern search answers only these three.
						g.LogGroup = logstypes.LogGroup{Arn: g.Arn, CreationTime: g.CreationTime, LogGroupName: g.LogGroupName}
					}
					groups = append(groups, g.LogGroup)
				}
				items, next, err := logsPageOf(c, groups, aws.ToInt32(in.Limit), aws.ToString(in.NextToken))
				if err != nil {
					return nil, err
				}
				return &cloudwatchlogs.DescribeLogGroupsOutput{LogGroups: items, NextToken: optional(next)}, nil
			},
			"DescribeMetricFilters": func(c *call) (any, error) {
				var in cloudwatchlogs.DescribeMetricFiltersInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				group := aws.ToString(in.LogGroupName)
				if in.FilterNamePrefix != nil && group == "" {
					return nil, badRequest("InvalidParameterException", "FilterNamePrefix requires a LogGroupName.")
				}
				if (in.MetricName == nil) != (in.MetricNamespace == nil) {
					return nil, badRequest("InvalidParameterException", "MetricName and MetricNamespace must be specified together.")
				}
				if group != "" && logsGroupOf(c, group) == nil {
					return nil, badRequest("ResourceNotFoundException", "The specified log group does not exist.")
				}
				var filters []logstypes.MetricFilter
				for _, f := range logsFilters(c) {
					if group != "" && aws.ToString(f.LogGroupName) != group ||
						!strings.HasPrefix(aws.ToString(f.FilterName), aws.ToString(in.FilterNamePrefix)) ||
						in.MetricName != nil && !logsFilterEmits(f, *in.MetricName, *in.MetricNamespace) {
						continue
					}
					filters = append(filters, f)
				}
				items, next, err := logsPageOf(c, filters, aws.ToInt32(in.Limit), aws.ToString(in.NextToken))
				if err != nil {
					return nil, err
				}
				return &cloudwatchlogs.DescribeMetricFiltersOutput{MetricFilters: items, NextToken: optional(next)}, nil
			},
			"ListTagsForResource": func(c *call) (any, error) {
				arn := c.param("resourceArn")
				for _, g := range logsGroups(c) {
					if aws.ToString(g.LogGroupArn) == arn {
						tags := g.Tags
						if tags == nil {
							tags = map[string]string{}
						}
						return &cloudwatchlogs.ListTagsForResourceOutput{Tags: tags}, nil
					}
				}
				return nil, badRequest("ResourceNotFoundException", "The specified resource does not exist.")
			},
		}})
}

// logsGroups are the region's log groups in name order, as AWS lists
// them, filled in.
func logsGroups(c *call) []logsGroup {
	w := worldOf[logsWorld](c)
	count := map[string]int32{}
	for _, f := range w.MetricFilters {
		count[aws.ToString(f.LogGroupName)]++
	}
	out := make([]logsGroup, 0, len(w.LogGroups))
	for _, g := range w.LogGroups {
		name := aws.ToString(g.LogGroupName)
		if g.LogGroupArn == nil {
			g.LogGroupArn = aws.String(c.arn("logs", "log-group:"+name))
		}
		if g.Arn == nil {
			g.Arn = aws.String(aws.ToString(g.LogGroupArn) + ":*")
		}
		if g.LogGroupClass == "" {
			g.LogGroupClass = logstypes.LogGroupClassStandard
		}
		if g.StoredBytes == nil {
			g.StoredBytes = aws.Int64(0)
		}
		g.MetricFilterCount = aws.Int32(count[name])
		out = append(out, g)
	}
	sort.SliceStable(out, func(i, j int) bool { return aws.ToString(out[i].LogGroupName) < aws.ToString(out[j].LogGroupName) })
	return out
}

func logsGroupOf(c *call, name string) *logsGroup {
	for _, g := range logsGroups(c) {
		if aws.ToString(g.LogGroupName) == name {
			return &g
		}
	}
	return nil
}

// logsFilters are the region's metric filters by log group, then name.
func logsFilters(c *call) []logstypes.MetricFilter {
	out := slices.Clone(worldOf[logsWorld](c).MetricFilters)
	sort.SliceStable(out, func(i, j int) bool {
		gi, gj := aws.ToString(out[i].LogGroupName), aws.ToString(out[j].LogGroupName)
		return gi < gj || gi == gj && aws.ToString(out[i].FilterName) < aws.ToString(out[j].FilterName)
	})
	return out
}

// logsFilterEmits tells whether a filter publishes the metric.
func logsFilterEmits(f logstypes.MetricFilter, name, namespace string) bool {
	for _, t := range f.MetricTransformations {
		if aws.ToString(t.MetricName) == name && aws.ToString(t.MetricNamespace) == namespace {
			return true
		}
	}
	return false
}

// logsPageOf pages with CloudWatch Logs's limit (1 to 50) and nextToken.
func logsPageOf[T any](c *call, items []T, limit int32, token string) ([]T, string, error) {
	if limit == 0 {
		limit = logsPage
	}
	if limit > logsPage {
		return nil, "", badRequest("InvalidParameterException", "1 validation error detected: Value '%d' at 'limit' failed to satisfy constraint: Member must have value less than or equal to %d", limit, logsPage)
	}
	out, next, err := page(items, token, int(limit))
	if err != nil {
		return nil, "", badRequest("InvalidParameterException", "The specified nextToken is invalid.")
	}
	if out == nil {
		out = []T{}
	}
	return out, next, nil
}
