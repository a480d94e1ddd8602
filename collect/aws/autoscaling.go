package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling"
	astypes "github.com/aws/aws-sdk-go-v2/service/autoscaling/types"

	"github.com/vigil-sec/vigil/internal/secretscan"
	"github.com/vigil-sec/vigil/model"
)

func init() { register("autoscaling", false, collectAutoScaling) }

// Both Auto Scaling listings page by MaxRecords, at most 100.
const asPageSize = 100

// collectAutoScaling reads every Auto Scaling group
// (DescribeAutoScalingGroups) and launch configuration
// (DescribeLaunchConfigurations). Each listing answers every setting of
// what it lists, so there is no per-resource read: a failed page fails
// the unit.
func collectAutoScaling(ctx context.Context, s *scope) {
	client := autoscaling.NewFromConfig(s.Config())
	gp := autoscaling.NewDescribeAutoScalingGroupsPaginator(client, &autoscaling.DescribeAutoScalingGroupsInput{MaxRecords: aws.Int32(asPageSize)})
	for gp.HasMorePages() {
		page, err := gp.NextPage(ctx)
		if err != nil {
			s.fail("DescribeAutoScalingGroups", err)
			return
		}
		for _, g := range page.AutoScalingGroups {
			addAutoScalingGroup(s, g)
		}
	}
	lp := autoscaling.NewDescribeLaunchConfigurationsPaginator(client, &autoscaling.DescribeLaunchConfigurationsInput{MaxRecords: aws.Int32(asPageSize)})
	for lp.HasMorePages() {
		page, err := lp.NextPage(ctx)
		if err != nil {
			s.fail("DescribeLaunchConfigurations", err)
			return
		}
		for _, lc := range page.LaunchConfigurations {
			addLaunchConfiguration(s, lc)
		}
	}
}

func addAutoScalingGroup(s *scope, g astypes.AutoScalingGroup) {
	a := &model.AutoScalingGroup{
		AvailabilityZones:       append([]string{}, g.AvailabilityZones...),
		LoadBalancerAttached:    len(g.LoadBalancerNames) > 0 || len(g.TargetGroupARNs) > 0,
		HealthCheckTypes:        model.AutoScalingHealthCheckTypes(aws.ToString(g.HealthCheckType)),
		LaunchConfigurationName: aws.ToString(g.LaunchConfigurationName),
		LaunchTemplate:          launchTemplateRef(g.LaunchTemplate),
		UnpropagatedTags:        []string{},
	}
	if m := g.MixedInstancesPolicy; a.LaunchTemplate == "" && m != nil && m.LaunchTemplate != nil {
		a.LaunchTemplate = launchTemplateRef(m.LaunchTemplate.LaunchTemplateSpecification)
	}
	var tags map[string]string
	for _, t := range g.Tags {
		if tags == nil {
			tags = map[string]string{}
		}
		tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
		if !aws.ToBool(t.PropagateAtLaunch) {
			a.UnpropagatedTags = append(a.UnpropagatedTags, aws.ToString(t.Key))
		}
	}
	raw := g
	raw.Instances = nil // volatile, and not a setting of the group
	s.add(aws.ToString(g.AutoScalingGroupARN), model.KindAutoScalingGroup.With(a), aws.ToString(g.AutoScalingGroupName), map[string]any{"AutoScalingGroup": raw}, tags)
}

func launchTemplateRef(lt *astypes.LaunchTemplateSpecification) string {
	if lt == nil {
		return ""
	}
	if id := aws.ToString(lt.LaunchTemplateId); id != "" {
		return id
	}
	return aws.ToString(lt.LaunchTemplateName)
}

// addLaunchConfiguration records a launch configuration with AWS's
// defaults where it sets nothing (IMDS endpoint enabled, tokens optional,
// hop limit 1; no public IP requested) and the secrets found in its user
// data, which is scanned and dropped: raw keeps "(redacted)" in its place.
func addLaunchConfiguration(s *scope, lc astypes.LaunchConfiguration) {
	a := &model.AutoScalingLaunchConfiguration{
		MetadataOptions: model.MetadataOptions{HTTPEndpoint: "enabled", HTTPTokens: "optional", HTTPPutResponseHopLimit: 1},
		HasPublicIP:     aws.ToBool(lc.AssociatePublicIpAddress),
		SecretsFound:    []model.SecretFinding{},
	}
	if mo := lc.MetadataOptions; mo != nil {
		if mo.HttpEndpoint != "" {
			a.MetadataOptions.HTTPEndpoint = string(mo.HttpEndpoint)
		}
		if mo.HttpTokens != "" {
			a.MetadataOptions.HTTPTokens = string(mo.HttpTokens)
		}
		if mo.HttpPutResponseHopLimit != nil {
			a.MetadataOptions.HTTPPutResponseHopLimit = int(*mo.HttpPutResponseHopLimit)
		}
	}
	id := aws.ToString(lc.LaunchConfigurationARN)
	rd := s.reads(id)
	if ud := aws.ToString(lc.UserData); ud != "" {
		found, err := secretscan.UserDataBase64(ud)
		if found != nil {
			a.SecretsFound = found
		}
		if err != nil && len(found) == 0 {
			rd.unread("secrets_found")
		}
		lc.UserData = aws.String("(redacted)")
	}
	rd.add(model.KindAutoScalingLaunchConfiguration.With(a), aws.ToString(lc.LaunchConfigurationName), map[string]any{"LaunchConfiguration": lc}, nil)
}
