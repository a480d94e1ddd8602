package aws

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/vigil-sec/vigil/model"
)

// DescribeLogGroups (in name order), DescribeMetricFilters and
// ListTagsForResource decode through the SDK (lowerCamel) into the world's
// log groups and filters.
func TestLogsRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "logs")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := cloudwatchlogs.NewFromConfig(cfg)
	world := w.Account(fragmentAccount).worldOf("logs", "us-east-1").(*logsWorld)

	out, err := client.DescribeLogGroups(ctx, &cloudwatchlogs.DescribeLogGroupsInput{})
	if err != nil {
		t.Fatal(err)
	}
	// Name order: "/aws/...", "/ecs/...", "API-...", "aws-...".
	order := []int{1, 2, 3, 0}
	filters := map[string]int32{"aws-cloudtrail-logs-111111111111": 5, "/aws/lambda/orders-processor": 1}
	var want []logstypes.LogGroup
	for _, i := range order {
		g := world.LogGroups[i].LogGroup
		name := aws.ToString(g.LogGroupName)
		g.LogGroupArn = aws.String("arn:aws:logs:us-east-1:111111111111:log-group:" + name)
		g.Arn = aws.String(aws.ToString(g.LogGroupArn) + ":*")
		if g.LogGroupClass == "" {
			g.LogGroupClass = logstypes.LogGroupClassStandard
		}
		g.MetricFilterCount = aws.Int32(filters[name])
		want = append(want, g)

		tags, err := client.ListTagsForResource(ctx, &cloudwatchlogs.ListTagsForResourceInput{ResourceArn: g.LogGroupArn})
		if err != nil {
			t.Fatal(err)
		}
		wantTags := world.LogGroups[i].Tags
		if wantTags == nil {
			wantTags = map[string]string{}
		}
		sameJSON(t, "ListTagsForResource "+name, tags.Tags, wantTags)
	}
	sameJSON(t, "DescribeLogGroups", out.LogGroups, want)

	prefixed, err := client.DescribeLogGroups(ctx, &cloudwatchlogs.DescribeLogGroupsInput{LogGroupNamePrefix: aws.String("/aws/")})
	if err != nil || len(prefixed.LogGroups) != 1 {
		t.Errorf("by prefix: %v %v", prefixed, err)
	}
	// A pattern is a case-sensitive substring, and answers names, ARNs and
	// creation times only.
	pattern, err := client.DescribeLogGroups(ctx, &cloudwatchlogs.DescribeLogGroupsInput{LogGroupNamePattern: aws.String("cloudtrail")})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "by pattern", pattern.LogGroups, []logstypes.LogGroup{{LogGroupName: want[3].LogGroupName, Arn: want[3].Arn, CreationTime: want[3].CreationTime}})
	none, err := client.DescribeLogGroups(ctx, &cloudwatchlogs.DescribeLogGroupsInput{LogGroupNamePattern: aws.String("CloudTrail")})
	if err != nil || len(none.LogGroups) != 0 {
		t.Errorf("pattern of another case: %v %v", none, err)
	}

	mf, err := client.DescribeMetricFilters(ctx, &cloudwatchlogs.DescribeMetricFiltersInput{})
	if err != nil {
		t.Fatal(err)
	}
	// By log group, then filter name.
	wantMF := []logstypes.MetricFilter{world.MetricFilters[5], world.MetricFilters[4], world.MetricFilters[1],
		world.MetricFilters[3], world.MetricFilters[2], world.MetricFilters[0]}
	sameJSON(t, "DescribeMetricFilters", mf.MetricFilters, wantMF)
	root, err := client.DescribeMetricFilters(ctx, &cloudwatchlogs.DescribeMetricFiltersInput{MetricName: aws.String("RootAccountUsage"), MetricNamespace: aws.String("CISBenchmark")})
	if err != nil || len(root.MetricFilters) != 1 || aws.ToString(root.MetricFilters[0].FilterName) != "RootAccountUsage" {
		t.Errorf("by metric: %v %v", root, err)
	}
	cis, err := client.DescribeMetricFilters(ctx, &cloudwatchlogs.DescribeMetricFiltersInput{LogGroupName: aws.String("aws-cloudtrail-logs-111111111111"), FilterNamePrefix: aws.String("C")})
	if err != nil || len(cis.MetricFilters) != 2 {
		t.Errorf("by group and prefix: %v %v", cis, err)
	}
}

// Missing log groups and resources, bad tokens, too big a limit and
// parameters that go together are refused with CloudWatch Logs's codes.
func TestLogsErrors(t *testing.T) {
	w := fragmentWorld(t, "logs")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := cloudwatchlogs.NewFromConfig(cfg)
	var nf *logstypes.ResourceNotFoundException
	_, err := client.DescribeMetricFilters(ctx, &cloudwatchlogs.DescribeMetricFiltersInput{LogGroupName: aws.String("nope")})
	if !errors.As(err, &nf) {
		t.Errorf("DescribeMetricFilters of a missing group: %v", err)
	}
	_, err = client.ListTagsForResource(ctx, &cloudwatchlogs.ListTagsForResourceInput{ResourceArn: aws.String("arn:aws:logs:us-east-1:111111111111:log-group:nope")})
	if !errors.As(err, &nf) {
		t.Errorf("ListTagsForResource of a missing group: %v", err)
	}
	var bad *logstypes.InvalidParameterException
	for name, in := range map[string]*cloudwatchlogs.DescribeLogGroupsInput{
		"bad token":        {NextToken: aws.String("bogus")},
		"limit 51":         {Limit: aws.Int32(51)},
		"prefix & pattern": {LogGroupNamePrefix: aws.String("/aws"), LogGroupNamePattern: aws.String("aws")},
	} {
		if _, err := client.DescribeLogGroups(ctx, in); !errors.As(err, &bad) {
			t.Errorf("DescribeLogGroups %s: %v", name, err)
		}
	}
	for name, in := range map[string]*cloudwatchlogs.DescribeMetricFiltersInput{
		"prefix without group": {FilterNamePrefix: aws.String("Root")},
		"name without space":   {MetricName: aws.String("RootAccountUsage")},
	} {
		if _, err := client.DescribeMetricFilters(ctx, in); !errors.As(err, &bad) {
			t.Errorf("DescribeMetricFilters %s: %v", name, err)
		}
	}
}

// Log groups and metric filters page by 50, or a smaller limit.
func TestLogsPages(t *testing.T) {
	w := fragmentWorld(t, "logs")
	lw := &logsWorld{}
	for i := range 120 {
		name := fmt.Sprintf("/app/service-%03d", i)
		lw.LogGroups = append(lw.LogGroups, logsGroup{LogGroup: logstypes.LogGroup{LogGroupName: aws.String(name)}})
		lw.MetricFilters = append(lw.MetricFilters, logstypes.MetricFilter{FilterName: aws.String("errors"), LogGroupName: aws.String(name)})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "logs", lw)
	cfg, _ := testCloud(t, w)
	client := cloudwatchlogs.NewFromConfig(cfg, func(o *cloudwatchlogs.Options) { o.Region = "eu-west-1" })
	ctx := context.Background()
	for _, tc := range []struct {
		limit int32
		pages int
	}{{0, 3}, {7, 18}} {
		gp := cloudwatchlogs.NewDescribeLogGroupsPaginator(client, &cloudwatchlogs.DescribeLogGroupsInput{}, func(o *cloudwatchlogs.DescribeLogGroupsPaginatorOptions) { o.Limit = tc.limit })
		n, pages := 0, 0
		for gp.HasMorePages() {
			out, err := gp.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			n, pages = n+len(out.LogGroups), pages+1
		}
		if n != 120 || pages != tc.pages {
			t.Errorf("DescribeLogGroups limit %d: %d groups in %d pages, want 120 in %d", tc.limit, n, pages, tc.pages)
		}
		fp := cloudwatchlogs.NewDescribeMetricFiltersPaginator(client, &cloudwatchlogs.DescribeMetricFiltersInput{}, func(o *cloudwatchlogs.DescribeMetricFiltersPaginatorOptions) { o.Limit = tc.limit })
		n, pages = 0, 0
		for fp.HasMorePages() {
			out, err := fp.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			n, pages = n+len(out.MetricFilters), pages+1
		}
		if n != 120 || pages != tc.pages {
			t.Errorf("DescribeMetricFilters limit %d: %d filters in %d pages, want 120 in %d", tc.limit, n, pages, tc.pages)
		}
	}
}

// The collector reads the encrypted CloudTrail group with its CIS metric
// filters in Raw, and the Lambda group neither encrypted nor expiring.
func TestLogsCollector(t *testing.T) {
	w := fragmentWorld(t, "logs")
	res := collectClean(t, w, "logs")
	groups := byKind(res.Resources)["aws.logs.log_group"]
	if len(groups) != 5 {
		t.Fatalf("want 5 log groups, got %d", len(groups))
	}
	trail := groups["aws-cloudtrail-logs-111111111111"]
	if trail == nil || trail.ID != "arn:aws:logs:us-east-1:111111111111:log-group:aws-cloudtrail-logs-111111111111" || trail.Tags["team"] != "security" {
		t.Fatalf("trail group: %+v", trail)
	}
	if a := trail.Attributes.(*model.CloudWatchLogGroup); a.RetentionInDays != 365 || a.KMSKeyID != "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-0000-4000-8000-000000000001" {
		t.Errorf("trail group attributes: %+v", a)
	}
	var raw struct {
		MetricFilters []struct {
			FilterName            string
			MetricTransformations []struct{ MetricName, MetricNamespace string }
		}
	}
	if err := json.Unmarshal(trail.Raw, &raw); err != nil || len(raw.MetricFilters) != 5 ||
		raw.MetricFilters[4].FilterName != "UnauthorizedAPICalls" || raw.MetricFilters[4].MetricTransformations[0].MetricNamespace != "CISBenchmark" {
		t.Errorf("trail group metric filters: %+v %v", raw, err)
	}
	lambda := groups["/aws/lambda/orders-processor"]
	if a := lambda.Attributes.(*model.CloudWatchLogGroup); a.RetentionInDays != 0 || a.KMSKeyID != "" || len(lambda.Relations) != 0 {
		t.Errorf("lambda group: %+v", a)
	}
	if a := groups["/ecs/web-frontend"].Attributes.(*model.CloudWatchLogGroup); a.RetentionInDays != 14 || groups["/ecs/web-frontend"].Tags != nil {
		t.Errorf("ecs group: %+v", a)
	}
	if eu := groups["/aws/vpc/flow-logs"]; eu == nil || eu.Region != "eu-west-1" {
		t.Errorf("eu-west-1 group: %+v", eu)
	}
}
