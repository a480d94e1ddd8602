package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// moto registers task definitions, clusters with settings and services
// with an awsvpc configuration; the collector keeps the latest revision of
// each family, the environment's names only, and the rules judge them.
func TestECSAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := ecs.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	register := func(family string, mode ecstypes.NetworkMode, c ecstypes.ContainerDefinition) {
		t.Helper()
		c.Memory = aws.Int32(256)
		if _, err := client.RegisterTaskDefinition(ctx, &ecs.RegisterTaskDefinitionInput{Family: aws.String(family), NetworkMode: mode,
			ContainerDefinitions: []ecstypes.ContainerDefinition{c}}); err != nil {
			t.Fatal(err)
		}
	}
	// The loose family's first revision is clean; its second is not.
	register("loose", ecstypes.NetworkModeAwsvpc, ecstypes.ContainerDefinition{Name: aws.String("web"), Image: aws.String("nginx"),
		User: aws.String("101"), ReadonlyRootFilesystem: aws.Bool(true)})
	register("loose", ecstypes.NetworkModeHost, ecstypes.ContainerDefinition{Name: aws.String("web"), Image: aws.String("nginx"),
		Privileged: aws.Bool(true), User: aws.String("root"),
		Environment: []ecstypes.KeyValuePair{{Name: aws.String("AWS_SECRET_ACCESS_KEY"), Value: aws.String("do-not-keep-me")}}})
	register("hardened", ecstypes.NetworkModeAwsvpc, ecstypes.ContainerDefinition{Name: aws.String("api"), Image: aws.String("api:1"),
		User: aws.String("1000"), ReadonlyRootFilesystem: aws.Bool(true), Privileged: aws.Bool(false),
		Environment: []ecstypes.KeyValuePair{{Name: aws.String("LOG_LEVEL"), Value: aws.String("info")}}})
	if _, err := client.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: aws.String("watched"),
		Settings: []ecstypes.ClusterSetting{{Name: ecstypes.ClusterSettingNameContainerInsights, Value: aws.String("enabled")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: aws.String("blind")}); err != nil {
		t.Fatal(err)
	}
	// moto checks the subnets a service names.
	ec2c := ec2.NewFromConfig(srv.Config(t, "us-east-1"))
	vpc, err := ec2c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.20.0.0/16")})
	if err != nil {
		t.Fatal(err)
	}
	subnet, err := ec2c.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: vpc.Vpc.VpcId, CidrBlock: aws.String("10.20.1.0/24")})
	if err != nil {
		t.Fatal(err)
	}
	sg, err := ec2c.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String("tasks"), Description: aws.String("tasks"), VpcId: vpc.Vpc.VpcId})
	if err != nil {
		t.Fatal(err)
	}
	// The exposed service is also pinned to an old Fargate platform version.
	platform := map[string]string{"exposed": "1.3.0", "private": "LATEST"}
	for name, ip := range map[string]ecstypes.AssignPublicIp{"exposed": ecstypes.AssignPublicIpEnabled, "private": ecstypes.AssignPublicIpDisabled} {
		if _, err := client.CreateService(ctx, &ecs.CreateServiceInput{ServiceName: aws.String(name), Cluster: aws.String("watched"),
			TaskDefinition: aws.String("hardened"), DesiredCount: aws.Int32(0), LaunchType: ecstypes.LaunchTypeFargate, PlatformVersion: aws.String(platform[name]),
			NetworkConfiguration: &ecstypes.NetworkConfiguration{AwsvpcConfiguration: &ecstypes.AwsVpcConfiguration{
				Subnets: []string{aws.ToString(subnet.Subnet.SubnetId)}, SecurityGroups: []string{aws.ToString(sg.GroupId)}, AssignPublicIp: ip}}}); err != nil {
			t.Fatal(err)
		}
	}
	res := collectMoto(t, srv, []string{"ecs"})
	noErrors(t, res)
	tds := byKind(res, "aws.ecs.task_definition")
	loose, hard := tds["loose:2"], tds["hardened:1"]
	if len(tds) != 2 || loose == nil || hard == nil {
		t.Fatalf("task definitions (the latest revision of each family): %v", tds)
	}
	la := loose.Attributes.(*model.ECSTaskDefinition)
	if la.Revision != 2 || la.NetworkMode != "host" || len(la.Containers) != 1 || !la.Containers[0].Privileged || la.Containers[0].User != "root" ||
		la.Containers[0].EnvironmentNames[0] != "AWS_SECRET_ACCESS_KEY" {
		t.Errorf("loose: %+v", la)
	}
	if len(loose.Raw) == 0 || containsBytes(loose.Raw, "do-not-keep-me") {
		t.Errorf("the raw evidence holds an environment value: %s", loose.Raw)
	}
	clusters := byKind(res, "aws.ecs.cluster")
	if a := clusters["watched"].Attributes.(*model.ECSCluster); a.ContainerInsights != "enabled" {
		t.Errorf("watched: %+v", a)
	}
	if a := clusters["blind"].Attributes.(*model.ECSCluster); a.ContainerInsights != "disabled" {
		t.Errorf("blind: %+v", a)
	}
	svcs := byKind(res, "aws.ecs.service")
	if a := svcs["exposed"].Attributes.(*model.ECSService); !a.AssignPublicIP || a.LaunchType != "FARGATE" || a.PlatformVersion != "1.3.0" {
		t.Errorf("exposed: %+v", a)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-ECS-001", "AWS-ECS-002", "AWS-ECS-003", "AWS-ECS-004", "AWS-ECS-006"} {
		if !fails["loose:2"][id] || fails["hardened:1"][id] {
			t.Errorf("%s: loose %v, hardened %v", id, fails["loose:2"], fails["hardened:1"])
		}
	}
	if !fails["exposed"]["AWS-ECS-007"] || fails["private"]["AWS-ECS-007"] || !fails["exposed"]["AWS-ECS-020"] || fails["private"]["AWS-ECS-020"] || !fails["blind"]["AWS-ECS-008"] || fails["watched"]["AWS-ECS-008"] {
		t.Errorf("services and clusters: %v", fails)
	}
}
