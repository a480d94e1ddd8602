package aws

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"

	"github.com/vigil-sec/vigil/model"
)

func ssmFragment(w *World) *ssmWorld {
	return w.Account(fragmentAccount).worldOf("ssm", "us-east-1").(*ssmWorld)
}

// Both operations round-trip the world through the SDK, filters apply,
// and an unknown instance id is InvalidInstanceId.
func TestSSMRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "ssm")
	world := ssmFragment(w)
	cfg, _ := testCloud(t, w)
	client := ssm.NewFromConfig(cfg)
	ctx := context.Background()

	info, err := client.DescribeInstanceInformation(ctx, &ssm.DescribeInstanceInformationInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeInstanceInformation", info.InstanceInformationList, world.Instances)

	patch, err := client.ListResourceComplianceSummaries(ctx, &ssm.ListResourceComplianceSummariesInput{
		Filters: []ssmtypes.ComplianceStringFilter{{Key: aws.String("ComplianceType"), Values: []string{"Patch"}, Type: ssmtypes.ComplianceQueryOperatorTypeEqual}}})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "ListResourceComplianceSummaries(Patch)", patch.ResourceComplianceSummaryItems, world.Compliance[:2])
	other, err := client.ListResourceComplianceSummaries(ctx, &ssm.ListResourceComplianceSummariesInput{
		Filters: []ssmtypes.ComplianceStringFilter{{Key: aws.String("ComplianceType"), Values: []string{"Patch"}, Type: ssmtypes.ComplianceQueryOperatorTypeNotEqual}}})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "ListResourceComplianceSummaries(not Patch)", other.ResourceComplianceSummaryItems, world.Compliance[2:])

	lost, err := client.DescribeInstanceInformation(ctx, &ssm.DescribeInstanceInformationInput{
		Filters: []ssmtypes.InstanceInformationStringFilter{{Key: aws.String("PingStatus"), Values: []string{"ConnectionLost"}}}})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeInstanceInformation(ConnectionLost)", lost.InstanceInformationList, world.Instances[2:])

	_, err = client.DescribeInstanceInformation(ctx, &ssm.DescribeInstanceInformationInput{
		Filters: []ssmtypes.InstanceInformationStringFilter{{Key: aws.String("InstanceIds"), Values: []string{"i-0000000000000dead"}}}})
	var bad *ssmtypes.InvalidInstanceId
	if !errors.As(err, &bad) {
		t.Errorf("unknown instance: want InvalidInstanceId, got %v", err)
	}
	_, err = client.ListResourceComplianceSummaries(ctx, &ssm.ListResourceComplianceSummariesInput{NextToken: aws.String("bogus")})
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "InvalidNextToken" {
		t.Errorf("bad token: want InvalidNextToken, got %v", err)
	}
}

// Managed nodes page by 10 by default and compliance summaries by 50.
func TestSSMPages(t *testing.T) {
	w := fragmentWorld(t, "ssm")
	big := &ssmWorld{}
	for i := range 120 {
		id := fmt.Sprintf("i-%017x", i)
		big.Instances = append(big.Instances, ssmtypes.InstanceInformation{InstanceId: aws.String(id), PingStatus: ssmtypes.PingStatusOnline})
		big.Compliance = append(big.Compliance, ssmtypes.ResourceComplianceSummaryItem{ComplianceType: aws.String("Patch"),
			ResourceId: aws.String(id), ResourceType: aws.String("ManagedInstance"), Status: ssmtypes.ComplianceStatusCompliant})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "ssm", big)
	cfg, _ := testCloud(t, w)
	client := ssm.NewFromConfig(cfg, func(o *ssm.Options) { o.Region = "eu-west-1" })
	ctx := context.Background()

	ip := ssm.NewDescribeInstanceInformationPaginator(client, &ssm.DescribeInstanceInformationInput{})
	var ids []string
	pages := 0
	for ip.HasMorePages() {
		out, err := ip.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, i := range out.InstanceInformationList {
			ids = append(ids, aws.ToString(i.InstanceId))
		}
	}
	if pages != 12 || len(ids) != 120 || ids[119] != fmt.Sprintf("i-%017x", 119) {
		t.Errorf("instances: %d pages, %d ids", pages, len(ids))
	}

	cp := ssm.NewListResourceComplianceSummariesPaginator(client, &ssm.ListResourceComplianceSummariesInput{})
	n, pages := 0, 0
	for cp.HasMorePages() {
		out, err := cp.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		n += len(out.ResourceComplianceSummaryItems)
	}
	if pages != 3 || n != 120 {
		t.Errorf("compliance: %d pages, %d items", pages, n)
	}
}

// The collector reads ping status and patch compliance: compliant,
// non-compliant, and unknown (no patch summary).
func TestSSMCollect(t *testing.T) {
	w := fragmentWorld(t, "ssm")
	res := collectClean(t, w, "ssm")
	nodes := byKind(res.Resources)["aws.ssm.managed_instance"]
	if len(nodes) != 3 {
		t.Fatalf("want 3 managed nodes, got %d", len(nodes))
	}
	attrs := func(id string) *model.SSMManagedInstance { return nodes[id].Attributes.(*model.SSMManagedInstance) }
	if a := attrs("i-0a1b2c3d4e5f60718"); a.PingStatus != "Online" || a.PatchCompliant == nil || !*a.PatchCompliant {
		t.Errorf("patched node: %+v", a)
	}
	if a := attrs("i-0f9e8d7c6b5a49382"); a.PatchCompliant == nil || *a.PatchCompliant {
		t.Errorf("unpatched node: %+v", a)
	}
	if a := attrs("mi-0123456789abcdef0"); a.PingStatus != "ConnectionLost" || a.PatchCompliant != nil {
		t.Errorf("lost node: %+v", a)
	}
	if id := nodes["mi-0123456789abcdef0"].ID; id != "arn:aws:ssm:us-east-1:111111111111:managed-instance/mi-0123456789abcdef0" {
		t.Errorf("id %s", id)
	}
}
