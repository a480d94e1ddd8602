package aws

import (
	"context"
	"encoding/base64"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling"
	astypes "github.com/aws/aws-sdk-go-v2/service/autoscaling/types"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedAutoScaling creates a launch configuration that allows IMDSv1 with
// two hops, asks for public IPs and carries an access key in its user
// data (planted, valid nowhere), and one that is well configured; a group
// in one zone behind a classic load balancer with EC2 health checks, from
// the first, with a tag it does not propagate; and a group in two zones
// with ELB health checks, from the second, its tag propagated.
func seedAutoScaling(t *testing.T, srv *moto.Server) {
	t.Helper()
	cfg := srv.Config(t, "us-east-1")
	client := autoscaling.NewFromConfig(cfg)
	ctx := context.Background()
	must := seeded(t)
	must(elb.NewFromConfig(cfg).CreateLoadBalancer(ctx, &elb.CreateLoadBalancerInput{LoadBalancerName: aws.String("legacy-elb"),
		AvailabilityZones: []string{"us-east-1a"},
		Listeners:         []elbtypes.Listener{{Protocol: aws.String("HTTP"), LoadBalancerPort: 80, InstancePort: aws.Int32(80)}}}))
	must(client.CreateLaunchConfiguration(ctx, &autoscaling.CreateLaunchConfigurationInput{LaunchConfigurationName: aws.String("legacy-lc"),
		ImageId: aws.String("ami-12c6146b"), InstanceType: aws.String("t3.micro"), AssociatePublicIpAddress: aws.Bool(true),
		MetadataOptions: &astypes.InstanceMetadataOptions{HttpTokens: astypes.InstanceMetadataHttpTokensStateOptional, HttpPutResponseHopLimit: aws.Int32(2)},
		UserData:        aws.String(base64.StdEncoding.EncodeToString([]byte("#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAZ7VRSQ5TLWJRXQ4M\n")))}))
	must(client.CreateLaunchConfiguration(ctx, &autoscaling.CreateLaunchConfigurationInput{LaunchConfigurationName: aws.String("good-lc"),
		ImageId: aws.String("ami-12c6146b"), InstanceType: aws.String("t3.micro"), AssociatePublicIpAddress: aws.Bool(false),
		MetadataOptions: &astypes.InstanceMetadataOptions{HttpTokens: astypes.InstanceMetadataHttpTokensStateRequired, HttpPutResponseHopLimit: aws.Int32(1),
			HttpEndpoint: astypes.InstanceMetadataEndpointStateEnabled},
		UserData: aws.String(base64.StdEncoding.EncodeToString([]byte("#!/bin/bash\nyum install -y nginx\n")))}))
	must(client.CreateAutoScalingGroup(ctx, &autoscaling.CreateAutoScalingGroupInput{AutoScalingGroupName: aws.String("legacy"),
		LaunchConfigurationName: aws.String("legacy-lc"), MinSize: aws.Int32(0), MaxSize: aws.Int32(1), DesiredCapacity: aws.Int32(0),
		AvailabilityZones: []string{"us-east-1a"}, LoadBalancerNames: []string{"legacy-elb"}, HealthCheckType: aws.String("EC2"),
		Tags: []astypes.Tag{{Key: aws.String("team"), Value: aws.String("legacy"), PropagateAtLaunch: aws.Bool(false)}}}))
	must(client.CreateAutoScalingGroup(ctx, &autoscaling.CreateAutoScalingGroupInput{AutoScalingGroupName: aws.String("good"),
		LaunchConfigurationName: aws.String("good-lc"), MinSize: aws.Int32(0), MaxSize: aws.Int32(1), DesiredCapacity: aws.Int32(0),
		AvailabilityZones: []string{"us-east-1a", "us-east-1b"}, HealthCheckType: aws.String("ELB"),
		Tags: []astypes.Tag{{Key: aws.String("team"), Value: aws.String("good"), PropagateAtLaunch: aws.Bool(true)}}}))
}

func TestAutoScalingAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedAutoScaling(t, srv)
	res := collectMoto(t, srv, []string{"autoscaling"})
	noErrors(t, res)

	groups := byKind(res, "aws.autoscaling.group")
	lcs := byKind(res, "aws.autoscaling.launch_configuration")
	if len(groups) != 2 || len(lcs) != 2 {
		t.Fatalf("groups %v, launch configurations %v", groups, lcs)
	}
	if g := groups["legacy"]; g.Tags["team"] != "legacy" {
		t.Errorf("legacy: tags %v", g.Tags)
	}
	if a := groups["legacy"].Attributes.(*model.AutoScalingGroup); !a.LoadBalancerAttached || len(a.AvailabilityZones) != 1 ||
		a.LaunchConfigurationName != "legacy-lc" || len(a.UnpropagatedTags) != 1 {
		t.Errorf("legacy: %+v", a)
	}
	if a := lcs["legacy-lc"].Attributes.(*model.AutoScalingLaunchConfiguration); !a.HasPublicIP || a.MetadataOptions.HTTPTokens != "optional" ||
		a.MetadataOptions.HTTPPutResponseHopLimit != 2 || len(a.SecretsFound) != 1 {
		t.Errorf("legacy-lc: %+v", a)
	}
	if a := lcs["good-lc"].Attributes.(*model.AutoScalingLaunchConfiguration); a.HasPublicIP || a.MetadataOptions.HTTPTokens != "required" || len(a.SecretsFound) != 0 {
		t.Errorf("good-lc: %+v", a)
	}
	fails := failing(t, res.Resources)
	for name, ids := range map[string][]string{"legacy": {"AWS-ASG-001", "AWS-ASG-002", "AWS-ASG-006"},
		"legacy-lc": {"AWS-ASG-003", "AWS-ASG-004", "AWS-ASG-007", "AWS-ASG-008"}} {
		good := map[string]string{"legacy": "good", "legacy-lc": "good-lc"}[name]
		for _, id := range ids {
			if !fails[name][id] || fails[good][id] {
				t.Errorf("%s: %s %v, %s %v", id, name, fails[name], good, fails[good])
			}
		}
	}
	// Both groups launch from launch configurations.
	if !fails["legacy"]["AWS-ASG-005"] || !fails["good"]["AWS-ASG-005"] {
		t.Errorf("AWS-ASG-005: %v %v", fails["legacy"], fails["good"])
	}
}
