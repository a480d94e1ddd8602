package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/directoryservice"
	dstypes "github.com/aws/aws-sdk-go-v2/service/directoryservice/types"
	"github.com/aws/aws-sdk-go-v2/service/ec2"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedDS creates two Managed Microsoft AD directories, one forwarding its
// logs.
func seedDS(t *testing.T, srv *moto.Server) {
	t.Helper()
	cfg := srv.Config(t, "us-east-1")
	ctx := context.Background()
	e := ec2.NewFromConfig(cfg)
	vpc, err := e.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.20.0.0/16")})
	if err != nil {
		t.Fatal(err)
	}
	var subnets []string
	for i, az := range []string{"us-east-1a", "us-east-1b"} {
		sn, err := e.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: vpc.Vpc.VpcId, AvailabilityZone: aws.String(az),
			CidrBlock: aws.String([]string{"10.20.1.0/24", "10.20.2.0/24"}[i])})
		if err != nil {
			t.Fatal(err)
		}
		subnets = append(subnets, aws.ToString(sn.Subnet.SubnetId))
	}
	client := directoryservice.NewFromConfig(cfg)
	ids := map[string]string{}
	for _, name := range []string{"corp.acme.example", "prod.acme.example"} {
		out, err := client.CreateMicrosoftAD(ctx, &directoryservice.CreateMicrosoftADInput{Name: aws.String(name), Password: aws.String("Sup3r-secret-pass"),
			Edition: dstypes.DirectoryEditionStandard, VpcSettings: &dstypes.DirectoryVpcSettings{VpcId: vpc.Vpc.VpcId, SubnetIds: subnets},
			Tags: []dstypes.Tag{{Key: aws.String("team"), Value: aws.String("identity")}}})
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = aws.ToString(out.DirectoryId)
	}
	seeded(t)(client.CreateLogSubscription(ctx, &directoryservice.CreateLogSubscriptionInput{DirectoryId: aws.String(ids["prod.acme.example"]),
		LogGroupName: aws.String("/aws/directoryservice/prod")}))
}

// moto has no DescribeEventTopics: the collection error names it, and
// sns_event_topics stays unknown (AWS-DS-002 gives no verdict).
func TestDSAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedDS(t, srv)
	res := collectMoto(t, srv, []string{"ds"})
	for _, e := range res.Errors {
		if e.Operation != "DescribeEventTopics" {
			t.Errorf("collection error: %s", e)
		}
	}
	dirs := byKind(res, "aws.ds.directory")
	corp, prod := dirs["corp.acme.example"], dirs["prod.acme.example"]
	if len(dirs) != 2 || corp == nil || prod == nil || corp.Tags["team"] != "identity" {
		t.Fatalf("directories: %v", dirs)
	}
	if a := corp.Attributes.(*model.DSDirectory); a.Type != "MicrosoftAD" || a.LogForwarding {
		t.Errorf("corp: %+v", a)
	}
	if a := prod.Attributes.(*model.DSDirectory); !a.LogForwarding {
		t.Errorf("prod: %+v", a)
	}
	fails := failing(t, res.Resources)
	if !fails["corp.acme.example"]["AWS-DS-001"] || fails["prod.acme.example"]["AWS-DS-001"] {
		t.Errorf("AWS-DS-001: %v", fails)
	}
	if fails["corp.acme.example"]["AWS-DS-002"] || (len(res.Errors) > 0 && !corp.IsUnknown("sns_event_topics")) {
		t.Errorf("AWS-DS-002 without DescribeEventTopics: %v (unknown %v)", fails, corp.Unknown)
	}
}
