package aws

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	r53types "github.com/aws/aws-sdk-go-v2/service/route53/types"

	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

// ListHostedZones (paged by marker), GetDNSSEC, ListResourceRecordSets
// (paged by name and type), ListQueryLoggingConfigs and ListTagsForResource
// decode through the SDK.
func TestRoute53RoundTrip(t *testing.T) {
	w := fragmentWorld(t, "route53")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := route53.NewFromConfig(cfg)
	first, err := client.ListHostedZones(ctx, &route53.ListHostedZonesInput{MaxItems: aws.Int32(2)})
	if err != nil || len(first.HostedZones) != 2 || !first.IsTruncated || aws.ToString(first.HostedZones[0].Id) != "/hostedzone/Z0414LEGACY5CAMPAIGN" {
		t.Fatalf("ListHostedZones page 1: %+v %v", first, err)
	}
	rest, err := client.ListHostedZones(ctx, &route53.ListHostedZonesInput{Marker: first.NextMarker})
	if err != nil || len(rest.HostedZones) != 1 || rest.IsTruncated || !rest.HostedZones[0].Config.PrivateZone {
		t.Fatalf("ListHostedZones page 2: %+v %v", rest, err)
	}
	d, err := client.GetDNSSEC(ctx, &route53.GetDNSSECInput{HostedZoneId: aws.String("Z08ACMEPROD2SIGNED")})
	if err != nil || aws.ToString(d.Status.ServeSignature) != "SIGNING" {
		t.Errorf("GetDNSSEC: %+v %v", d, err)
	}
	rr, err := client.ListResourceRecordSets(ctx, &route53.ListResourceRecordSetsInput{HostedZoneId: aws.String("/hostedzone/Z0414LEGACY5CAMPAIGN"), MaxItems: aws.Int32(3)})
	if err != nil || len(rr.ResourceRecordSets) != 3 || !rr.IsTruncated || aws.ToString(rr.NextRecordName) != `\052.acme-legacy.example.` ||
		len(rr.ResourceRecordSets[2].ResourceRecords) != 1 {
		t.Fatalf("ListResourceRecordSets: %+v %v", rr, err)
	}
	q, err := client.ListQueryLoggingConfigs(ctx, &route53.ListQueryLoggingConfigsInput{})
	if err != nil || len(q.QueryLoggingConfigs) != 1 || aws.ToString(q.QueryLoggingConfigs[0].HostedZoneId) != "Z08ACMEPROD2SIGNED" {
		t.Errorf("ListQueryLoggingConfigs: %+v %v", q, err)
	}
	tags, err := client.ListTagsForResource(ctx, &route53.ListTagsForResourceInput{ResourceId: aws.String("Z08ACMEPROD2SIGNED"), ResourceType: r53types.TagResourceTypeHostedzone})
	if err != nil || len(tags.ResourceTagSet.Tags) != 1 || aws.ToString(tags.ResourceTagSet.Tags[0].Value) != "platform" {
		t.Errorf("ListTagsForResource: %+v %v", tags, err)
	}
	var nf *r53types.NoSuchHostedZone
	if _, err := client.GetDNSSEC(ctx, &route53.GetDNSSECInput{HostedZoneId: aws.String("ZNOPE")}); !errors.As(err, &nf) {
		t.Errorf("GetDNSSEC ZNOPE: %v", err)
	}
}

func TestRoute53Collector(t *testing.T) {
	w := fragmentWorld(t, "route53")
	res := collectClean(t, w, "route53")
	zones := byKind(res.Resources)["aws.route53.hosted_zone"]
	legacy, prod, private := zones["acme-legacy.example"], zones["acme.example"], zones["internal.acme.example"]
	if legacy == nil || prod == nil || private == nil || legacy.Tags["team"] != "marketing" {
		t.Fatalf("zones: %v", zones)
	}
	if a := legacy.Attributes.(*model.Route53HostedZone); a.DNSSECSigning || a.QueryLogging || a.PrivateZone {
		t.Errorf("legacy: %+v", a)
	}
	if a := prod.Attributes.(*model.Route53HostedZone); !a.DNSSECSigning || !a.QueryLogging {
		t.Errorf("prod: %+v", a)
	}
	if a := private.Attributes.(*model.Route53HostedZone); !a.PrivateZone {
		t.Errorf("private: %+v", a)
	}
	recs := byKind(res.Resources)["aws.route53.record_set"]
	if len(recs) != 4 {
		t.Fatalf("records (SOA, NS and MX are left out): %v", recs)
	}
	if a := recs["*.acme-legacy.example"].Attributes.(*model.Route53RecordSet); a.Type != "A" || len(a.Values) != 1 {
		t.Errorf("wildcard: %+v", a)
	}
	if a := recs["www.acme.example"].Attributes.(*model.Route53RecordSet); a.AliasTarget != "dualstack.web-1234567890.us-east-1.elb.amazonaws.com" {
		t.Errorf("alias: %+v", a)
	}
	if a := recs["db.internal.acme.example"].Attributes.(*model.Route53RecordSet); !a.PrivateZone {
		t.Errorf("private record: %+v", a)
	}
}

// The dangling-record rule decides only with S3 read in the account: with
// Route 53 alone it gives no verdict, with S3 too it fails the record
// whose bucket is gone.
func TestRoute53DanglingNeedsS3(t *testing.T) {
	e, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	id := "arn:aws:route53:::hostedzone/Z0414LEGACY5CAMPAIGN/recordset/spring-sale.acme-legacy.example/CNAME"
	alone := verdicts(t, e, collectClean(t, fragmentWorld(t, "route53"), "route53").Resources)
	if st, ok := alone["AWS-R53-003 "+id]; ok {
		t.Errorf("Route 53 alone: %q", st)
	}
	both := verdicts(t, e, collectClean(t, fragmentWorld(t, "route53", "s3"), "route53", "s3").Resources)
	if st := both["AWS-R53-003 "+id]; st != model.StatusFail {
		t.Errorf("with S3: %q", st)
	}
}
