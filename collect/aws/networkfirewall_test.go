package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	nfw "github.com/aws/aws-sdk-go-v2/service/networkfirewall"
	nfwtypes "github.com/aws/aws-sdk-go-v2/service/networkfirewall/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedNetworkFirewall creates a firewall in one subnet without deletion
// protection or logging, and one in two subnets with both.
func seedNetworkFirewall(t *testing.T, srv *moto.Server) {
	t.Helper()
	client := nfw.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	policy := aws.String("arn:aws:network-firewall:us-east-1:123456789012:firewall-policy/strict")
	must(client.CreateFirewall(ctx, &nfw.CreateFirewallInput{FirewallName: aws.String("open-fw"), FirewallPolicyArn: policy,
		VpcId: aws.String("vpc-0abc1234def567890"), SubnetMappings: []nfwtypes.SubnetMapping{{SubnetId: aws.String("subnet-0abc1234def567890")}}}))
	must(client.CreateFirewall(ctx, &nfw.CreateFirewallInput{FirewallName: aws.String("closed-fw"), FirewallPolicyArn: policy,
		VpcId: aws.String("vpc-0abc1234def567890"), DeleteProtection: true,
		SubnetMappings: []nfwtypes.SubnetMapping{{SubnetId: aws.String("subnet-0abc1234def567890")}, {SubnetId: aws.String("subnet-0abc1234def567891")}},
		Tags:           []nfwtypes.Tag{{Key: aws.String("team"), Value: aws.String("network")}}}))
	must(client.UpdateLoggingConfiguration(ctx, &nfw.UpdateLoggingConfigurationInput{FirewallName: aws.String("closed-fw"),
		LoggingConfiguration: &nfwtypes.LoggingConfiguration{LogDestinationConfigs: []nfwtypes.LogDestinationConfig{{LogType: nfwtypes.LogTypeAlert,
			LogDestinationType: nfwtypes.LogDestinationTypeCloudwatchLogs, LogDestination: map[string]string{"logGroup": "/aws/network-firewall/alert"}}}}}))
}

func TestNetworkFirewallAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedNetworkFirewall(t, srv)
	res := collectMoto(t, srv, []string{"networkfirewall"})
	// moto serves no firewall policy call: that listing fails and nothing
	// else may.
	for _, e := range res.Errors {
		if e.Operation != "ListFirewallPolicies" {
			t.Errorf("collection error: %s", e)
		}
	}
	fws := byKind(res, "aws.networkfirewall.firewall")
	if len(fws) != 2 {
		t.Fatalf("firewalls: %v", fws)
	}
	// moto takes an absent DeleteProtection as true (AWS: false), and the
	// SDK leaves false out: moto cannot hold an unprotected firewall, so
	// the test cloud's world shows the failing side of AWS-NFW-001.
	if a := fws["open-fw"].Attributes.(*model.NetworkFirewallFirewall); a.SubnetCount != 1 || len(a.LoggingTypes) != 0 {
		t.Errorf("open: %+v", a)
	}
	if a := fws["closed-fw"].Attributes.(*model.NetworkFirewallFirewall); !a.DeletionProtection || a.SubnetCount != 2 || len(a.LoggingTypes) != 1 || a.LoggingTypes[0] != "ALERT" {
		t.Errorf("closed: %+v", a)
	}
	if fws["closed-fw"].Tags["team"] != "network" {
		t.Errorf("closed: tags %v", fws["closed-fw"].Tags)
	}
	fails := failing(t, res.Resources)
	if fails["closed-fw"]["AWS-NFW-001"] {
		t.Errorf("AWS-NFW-001: closed %v", fails["closed-fw"])
	}
	for _, id := range []string{"AWS-NFW-002", "AWS-NFW-003"} {
		if !fails["open-fw"][id] || fails["closed-fw"][id] {
			t.Errorf("%s: open %v, closed %v", id, fails["open-fw"], fails["closed-fw"])
		}
	}
}
