package tfaws

import (
	"slices"
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

func hasRel(r *model.Resource, typ, target string) bool {
	return slices.Contains(r.Relations, model.Relation{Type: typ, Target: target})
}

// The monitoring pipeline: a trail naming its group by a literal ARN, the
// group's filter joined by name, an alarm notifying a topic by reference,
// and the topic's subscriptions.
func TestMonitoringPipelineJoins(t *testing.T) {
	rs := Map([]*instance.Instance{
		inst("aws_cloudtrail", "main", map[string]any{"name": "main", "s3_bucket_name": "acme-trail",
			"cloud_watch_logs_group_arn": "arn:aws:logs:us-east-1:111122223333:log-group:trail:*"}, nil),
		inst("aws_s3_bucket", "trail", map[string]any{"bucket": "acme-trail"}, nil),
		inst("aws_cloudwatch_log_group", "trail", map[string]any{"name": "trail"}, nil),
		inst("aws_cloudwatch_log_metric_filter", "root", map[string]any{"name": "root", "log_group_name": "trail",
			"pattern":               `{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS }`,
			"metric_transformation": []any{map[string]any{"name": "RootUse", "namespace": "CIS", "value": "1"}}}, nil),
		inst("aws_cloudwatch_log_metric_filter", "elsewhere", map[string]any{"name": "x", "log_group_name": "other",
			"pattern": "ERROR"}, nil),
		inst("aws_cloudwatch_metric_alarm", "root", map[string]any{"alarm_name": "root", "metric_name": "RootUse", "namespace": "CIS",
			"alarm_actions": []any{"aws_sns_topic.alerts.arn", "arn:aws:sns:us-east-1:999999999999:central"}},
			map[string][]string{"alarm_actions": {"aws_sns_topic.alerts"}}),
		inst("aws_sns_topic", "alerts", map[string]any{"name": "alerts"}, nil),
		inst("aws_sns_topic_subscription", "a", map[string]any{"topic_arn": "aws_sns_topic.alerts.arn", "protocol": "email"},
			map[string][]string{"topic_arn": {"aws_sns_topic.alerts"}}),
		inst("aws_sns_topic_subscription", "b", map[string]any{"topic_arn": "aws_sns_topic.alerts.arn", "protocol": "sqs"},
			map[string][]string{"topic_arn": {"aws_sns_topic.alerts"}}),
	}, model.SourceTerraform)
	trail := byKind(rs, "aws.cloudtrail.trail")[0]
	if !hasRel(trail, model.RelLogsTo, "main.tf:aws_cloudwatch_log_group.trail") || !hasRel(trail, model.RelLogsTo, "main.tf:aws_s3_bucket.trail") {
		t.Errorf("trail relations: %+v", trail.Relations)
	}
	lg := byKind(rs, "aws.logs.log_group")[0].Attributes.(*model.CloudWatchLogGroup)
	want := []model.LogMetricFilter{{Name: "root", Pattern: `{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS }`,
		Conditions: []string{"$.userIdentity.type = Root", "$.userIdentity.invokedBy NOT EXISTS"}, MetricName: "RootUse", MetricNamespace: "CIS", MetricValue: "1"}}
	if len(lg.MetricFilters) != 1 || !slices.Equal(lg.MetricFilters[0].Conditions, want[0].Conditions) || lg.MetricFilters[0].MetricName != "RootUse" ||
		lg.MetricFilters[0].MetricNamespace != "CIS" || lg.MetricFilters[0].MetricValue != "1" {
		t.Errorf("metric filters: %+v", lg.MetricFilters)
	}
	alarm := byKind(rs, "aws.cloudwatch.alarm")[0]
	a := alarm.Attributes.(*model.CloudWatchAlarm)
	if !a.ActionsEnabled || a.AlarmActions != 2 || !slices.Equal(a.AlarmActionARNs, []string{"main.tf:aws_sns_topic.alerts", "arn:aws:sns:us-east-1:999999999999:central"}) ||
		!hasRel(alarm, model.RelNotifies, "main.tf:aws_sns_topic.alerts") {
		t.Errorf("alarm: %+v %+v", a, alarm.Relations)
	}
	if n := byKind(rs, "aws.sns.topic")[0].Attributes.(*model.SNSTopic).Subscriptions; n != 2 {
		t.Errorf("subscriptions: %d", n)
	}
}

// Routes, associations and Elastic IPs given as separate resources join
// their route table, ACL and instance.
func TestRoutingJoins(t *testing.T) {
	rs := Map([]*instance.Instance{
		inst("aws_subnet", "a", map[string]any{"vpc_id": "aws_vpc.main.id"}, nil),
		inst("aws_internet_gateway", "gw", map[string]any{"vpc_id": "aws_vpc.main.id"}, nil),
		inst("aws_default_route_table", "main", map[string]any{}, nil),
		inst("aws_route_table", "public", map[string]any{"vpc_id": "aws_vpc.main.id"}, nil),
		inst("aws_route", "default", map[string]any{"route_table_id": "aws_route_table.public.id",
			"destination_cidr_block": "0.0.0.0/0", "gateway_id": "aws_internet_gateway.gw.id"},
			map[string][]string{"route_table_id": {"aws_route_table.public"}}),
		inst("aws_route_table_association", "a", map[string]any{"route_table_id": "aws_route_table.public.id", "subnet_id": "aws_subnet.a.id"},
			map[string][]string{"route_table_id": {"aws_route_table.public"}}),
		inst("aws_network_acl", "a", map[string]any{"vpc_id": "aws_vpc.main.id"}, nil),
		inst("aws_network_acl_association", "a", map[string]any{"network_acl_id": "aws_network_acl.a.id", "subnet_id": "aws_subnet.a.id"},
			map[string][]string{"network_acl_id": {"aws_network_acl.a"}}),
		inst("aws_instance", "web", map[string]any{"subnet_id": "aws_subnet.a.id", "associate_public_ip_address": false},
			map[string][]string{"subnet_id": {"aws_subnet.a"}}),
		inst("aws_eip_association", "web", map[string]any{"instance_id": "aws_instance.web.id"}, nil),
	}, model.SourceTerraform)
	var public, main *model.EC2RouteTable
	for _, r := range byKind(rs, "aws.ec2.route_table") {
		if a := r.Attributes.(*model.EC2RouteTable); a.IsMain {
			main = a
		} else {
			public = a
		}
	}
	if main == nil || public == nil {
		t.Fatalf("route tables: %+v", byKind(rs, "aws.ec2.route_table"))
	}
	if !slices.Equal(public.Subnets, []string{"main.tf:aws_subnet.a"}) || len(public.Routes) != 1 ||
		public.Routes[0] != (model.EC2Route{DestinationCIDR: "0.0.0.0/0", TargetType: "internet_gateway", Target: "main.tf:aws_internet_gateway.gw", State: "active"}) {
		t.Errorf("public route table: %+v", public)
	}
	if acl := byKind(rs, "aws.ec2.network_acl")[0].Attributes.(*model.EC2NetworkACL); !slices.Equal(acl.Subnets, []string{"main.tf:aws_subnet.a"}) {
		t.Errorf("ACL subnets: %+v", acl.Subnets)
	}
	if in := byKind(rs, "aws.ec2.instance")[0]; !in.Attributes.(*model.EC2Instance).HasPublicIP || in.IsUnknown("has_public_ip") {
		t.Errorf("an Elastic IP makes the instance public: %+v %v", in.Attributes, in.Unknown)
	}
	if len(byKind(rs, "aws.ec2.internet_gateway")) != 1 {
		t.Errorf("internet gateway not mapped")
	}
}
