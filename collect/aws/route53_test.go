package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	r53types "github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedRoute53 creates a public zone without query logging whose records
// point at the S3 website endpoints of a bucket that exists and of one
// that does not, a public zone with query logging, and a private zone.
func seedRoute53(t *testing.T, srv *moto.Server) {
	t.Helper()
	cfg := srv.Config(t, "us-east-1")
	client := route53.NewFromConfig(cfg)
	ctx := context.Background()
	must := seeded(t)
	must(s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }).
		CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("promo.acme-legacy.example")}))
	legacy, err := client.CreateHostedZone(ctx, &route53.CreateHostedZoneInput{Name: aws.String("acme-legacy.example"), CallerReference: aws.String("legacy")})
	if err != nil {
		t.Fatal(err)
	}
	must(client.ChangeTagsForResource(ctx, &route53.ChangeTagsForResourceInput{ResourceId: aws.String(r53ZoneID(legacy.HostedZone.Id)),
		ResourceType: r53types.TagResourceTypeHostedzone, AddTags: []r53types.Tag{{Key: aws.String("team"), Value: aws.String("marketing")}}}))
	var changes []r53types.Change
	for _, name := range []string{"spring-sale", "promo"} {
		changes = append(changes, r53types.Change{Action: r53types.ChangeActionCreate, ResourceRecordSet: &r53types.ResourceRecordSet{
			Name: aws.String(name + ".acme-legacy.example."), Type: r53types.RRTypeCname, TTL: aws.Int64(300),
			ResourceRecords: []r53types.ResourceRecord{{Value: aws.String(name + ".acme-legacy.example.s3-website-us-east-1.amazonaws.com")}}}})
	}
	changes = append(changes, r53types.Change{Action: r53types.ChangeActionCreate, ResourceRecordSet: &r53types.ResourceRecordSet{
		Name: aws.String("mail.acme-legacy.example."), Type: r53types.RRTypeMx, TTL: aws.Int64(300),
		ResourceRecords: []r53types.ResourceRecord{{Value: aws.String("10 mail.acme-legacy.example.")}}}})
	must(client.ChangeResourceRecordSets(ctx, &route53.ChangeResourceRecordSetsInput{HostedZoneId: legacy.HostedZone.Id,
		ChangeBatch: &r53types.ChangeBatch{Changes: changes}}))

	prod, err := client.CreateHostedZone(ctx, &route53.CreateHostedZoneInput{Name: aws.String("acme.example"), CallerReference: aws.String("prod")})
	if err != nil {
		t.Fatal(err)
	}
	group, err := cloudwatchlogs.NewFromConfig(cfg).CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String("/aws/route53/acme.example")})
	must(group, err)
	must(client.CreateQueryLoggingConfig(ctx, &route53.CreateQueryLoggingConfigInput{HostedZoneId: prod.HostedZone.Id,
		CloudWatchLogsLogGroupArn: aws.String("arn:aws:logs:us-east-1:" + moto.Account + ":log-group:/aws/route53/acme.example:*")}))

	vpc, err := ec2.NewFromConfig(cfg).CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.8.0.0/16")})
	if err != nil {
		t.Fatal(err)
	}
	must(client.CreateHostedZone(ctx, &route53.CreateHostedZoneInput{Name: aws.String("internal.acme.example"), CallerReference: aws.String("internal"),
		HostedZoneConfig: &r53types.HostedZoneConfig{PrivateZone: true},
		VPC:              &r53types.VPC{VPCId: vpc.Vpc.VpcId, VPCRegion: r53types.VPCRegionUsEast1}}))
}

func TestRoute53AgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedRoute53(t, srv)
	res := collectMoto(t, srv, []string{"route53", "s3"})
	noErrors(t, res)

	zones := byKind(res, "aws.route53.hosted_zone")
	if len(zones) != 3 || zones["acme-legacy.example"].Tags["team"] != "marketing" {
		t.Fatalf("zones: %v", zones)
	}
	if a := zones["acme-legacy.example"].Attributes.(*model.Route53HostedZone); a.PrivateZone || a.QueryLogging || a.DNSSECSigning {
		t.Errorf("legacy: %+v", a)
	}
	if a := zones["acme.example"].Attributes.(*model.Route53HostedZone); !a.QueryLogging {
		t.Errorf("prod: %+v", a)
	}
	if a := zones["internal.acme.example"].Attributes.(*model.Route53HostedZone); !a.PrivateZone || a.QueryLogging {
		t.Errorf("internal: %+v", a)
	}
	recs := byKind(res, "aws.route53.record_set")
	if _, ok := recs["mail.acme-legacy.example"]; ok || recs["promo.acme-legacy.example"] == nil {
		t.Fatalf("records (MX left out): %v", recs)
	}
	if a := recs["spring-sale.acme-legacy.example"].Attributes.(*model.Route53RecordSet); a.Type != "CNAME" ||
		len(a.Values) != 1 || a.Values[0] != "spring-sale.acme-legacy.example.s3-website-us-east-1.amazonaws.com" {
		t.Errorf("spring-sale: %+v", a)
	}
	fails := failing(t, res.Resources)
	// moto never signs a zone (GetDNSSEC answers NOT_SIGNING).
	if !fails["acme-legacy.example"]["AWS-R53-002"] || fails["acme.example"]["AWS-R53-002"] || !fails["acme.example"]["AWS-R53-001"] ||
		fails["internal.acme.example"]["AWS-R53-001"] || fails["internal.acme.example"]["AWS-R53-002"] {
		t.Errorf("zones: %v", fails)
	}
	if !fails["spring-sale.acme-legacy.example"]["AWS-R53-003"] || fails["promo.acme-legacy.example"]["AWS-R53-003"] {
		t.Errorf("records: %v", fails)
	}
}
