package policy

import (
	"context"
	"fmt"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

// BenchmarkEvaluateBuiltin measures resource x rule evaluations per second
// with every built-in rule over a mixed inventory.
func BenchmarkEvaluateBuiltin(b *testing.B) {
	benchEvaluate(b, Options{})
}

// BenchmarkEvaluateSandboxed runs the same rules loaded as custom rules
// (from the source tree), so under the sandbox: one guarded query per rule
// and batch instead of one aggregated query per kind and batch.
func BenchmarkEvaluateSandboxed(b *testing.B) {
	benchEvaluate(b, Options{NoBuiltin: true, Dirs: []string{"../policies/aws", "../policies/kubernetes", "../policies/lib"}})
}

func benchEvaluate(b *testing.B, opts Options) {
	e, err := New(context.Background(), opts)
	if err != nil {
		b.Fatal(err)
	}
	var rs []*model.Resource
	kinds := []string{"aws.s3.bucket", "aws.ec2.security_group", "aws.rds.instance", "aws.iam.role", "aws.ec2.instance", "kubernetes.deployment", "aws.kms.key", "aws.lambda.function"}
	for i := 0; i < 10000; i++ {
		k := kinds[i%len(kinds)]
		ki, _ := model.LookupKind(k)
		rs = append(rs, &model.Resource{ID: fmt.Sprintf("r%d", i), Kind: k, Provider: "aws", Source: "terraform", Attributes: ki.New()})
	}
	evals := 0
	for _, r := range rs {
		evals += len(e.ofKind[r.Kind])
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Evaluate(context.Background(), rs, EvalOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(evals*b.N)/b.Elapsed().Seconds(), "evals/s")
	b.ReportMetric(float64(len(rs)*b.N)/b.Elapsed().Seconds(), "resources/s")
}

// BenchmarkEvaluateInventory measures the rules that read the inventory
// among the others: a 10,000-resource estate of instances in subnets with
// route tables, network ACLs and security groups, trails delivering to log
// groups with metric filters, alarms and topics, and buckets.
func BenchmarkEvaluateInventory(b *testing.B) {
	e, err := New(context.Background(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	rs := inventoryEstate(10000)
	evals := 0
	for _, r := range rs {
		evals += len(e.ofKind[r.Kind])
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Evaluate(context.Background(), rs, EvalOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(evals*b.N)/b.Elapsed().Seconds(), "evals/s")
	b.ReportMetric(float64(len(rs)*b.N)/b.Elapsed().Seconds(), "resources/s")
}

// inventoryEstate builds n resources in 10 accounts: per account, 100
// instances in 20 subnets, with route tables, ACLs, security groups, a
// trail, log groups with filters, alarms, a topic, and buckets to fill.
func inventoryEstate(n int) []*model.Resource {
	var rs []*model.Resource
	add := func(acct, kind, id string, attrs any, rels ...model.Relation) {
		rs = append(rs, &model.Resource{ID: id, Kind: kind, Provider: "aws", Account: acct, Region: "us-east-1",
			Source: model.SourceLive, Name: id, Attributes: attrs, Relations: rels})
	}
	world := []model.NetworkACLRule{{RuleNumber: 100, Protocol: "-1", Action: "allow", CIDRBlock: "0.0.0.0/0"}}
	for a := 0; len(rs) < n; a++ {
		acct := fmt.Sprintf("%012d", a)
		arn := func(typ string, i int) string {
			return fmt.Sprintf("arn:aws:ec2:us-east-1:%s:%s/%s-%d", acct, typ, typ, i)
		}
		for s := 0; s < 20; s++ {
			sub := fmt.Sprintf("subnet-%d", s)
			add(acct, "aws.ec2.subnet", arn("subnet", s), &model.EC2Subnet{VPCID: "vpc-1"})
			add(acct, "aws.ec2.route_table", arn("route-table", s), &model.EC2RouteTable{VPCID: "vpc-1", Subnets: []string{sub},
				Routes: []model.EC2Route{{DestinationCIDR: "0.0.0.0/0", TargetType: "internet_gateway", Target: "igw-1", State: "active"}}},
				model.Relation{Type: model.RelAssociatedWith, Target: arn("subnet", s)})
			add(acct, "aws.ec2.network_acl", arn("network-acl", s), &model.EC2NetworkACL{VPCID: "vpc-1", Subnets: []string{sub}, Entries: world},
				model.Relation{Type: model.RelAssociatedWith, Target: arn("subnet", s)})
		}
		for i := 0; i < 100; i++ {
			add(acct, "aws.ec2.security_group", arn("security-group", i), &model.EC2SecurityGroup{VPCID: "vpc-1",
				Ingress: []model.SecurityGroupRule{{Protocol: "tcp", FromPort: 22, ToPort: 22, CIDRBlocks: []string{"0.0.0.0/0"}}}})
			add(acct, "aws.ec2.instance", arn("instance", i), &model.EC2Instance{SubnetID: fmt.Sprintf("subnet-%d", i%20), VPCID: "vpc-1",
				HasPublicIP: i%2 == 0, SecurityGroups: []string{fmt.Sprintf("security-group-%d", i)}},
				model.Relation{Type: model.RelInSubnet, Target: arn("subnet", i%20)},
				model.Relation{Type: model.RelProtectedBy, Target: arn("security-group", i)})
		}
		lg := fmt.Sprintf("arn:aws:logs:us-east-1:%s:log-group:trail", acct)
		topic := fmt.Sprintf("arn:aws:sns:us-east-1:%s:alerts", acct)
		add(acct, "aws.cloudtrail.trail", fmt.Sprintf("arn:aws:cloudtrail:us-east-1:%s:trail/main", acct),
			&model.CloudTrailTrail{IsLogging: true, IsMultiRegion: true, S3BucketName: "trail-" + acct},
			model.Relation{Type: model.RelLogsTo, Target: lg}, model.Relation{Type: model.RelLogsTo, Target: "arn:aws:s3:::trail-" + acct})
		var filters []model.LogMetricFilter
		for f := 0; f < 10; f++ {
			filters = append(filters, model.LogMetricFilter{Name: fmt.Sprint(f), MetricName: fmt.Sprint(f), MetricNamespace: "CIS",
				Conditions: []string{"$.eventName = ConsoleLogin", "$.additionalEventData.MFAUsed != Yes"}})
			add(acct, "aws.cloudwatch.alarm", fmt.Sprintf("arn:aws:cloudwatch:us-east-1:%s:alarm:%d", acct, f),
				&model.CloudWatchAlarm{MetricName: fmt.Sprint(f), Namespace: "CIS", ActionsEnabled: true, AlarmActionARNs: []string{topic}})
		}
		add(acct, "aws.logs.log_group", lg, &model.CloudWatchLogGroup{Name: "trail", MetricFilters: filters})
		add(acct, "aws.sns.topic", topic, &model.SNSTopic{Name: "alerts", Subscriptions: 1})
		for i := 0; i < 700; i++ {
			ki, _ := model.LookupKind("aws.s3.bucket")
			add(acct, "aws.s3.bucket", fmt.Sprintf("arn:aws:s3:::b-%s-%d", acct, i), ki.New())
		}
	}
	return rs[:n]
}
