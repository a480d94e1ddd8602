package aws

import (
	"context"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("ecs", false, collectECS) }

// DescribeClusters takes up to 100 clusters, DescribeServices up to 10
// services of one cluster.
const ecsClusterBatch, ecsServiceBatch = 100, 10

// collectECS reads the latest active revision of every task definition
// family, every cluster with its settings, and every service of each
// cluster.
func collectECS(ctx context.Context, s *scope) {
	client := ecs.NewFromConfig(s.Config())
	collectECSTaskDefinitions(ctx, s, client)
	collectECSClusters(ctx, s, client)
}

// collectECSTaskDefinitions lists the active task definitions and keeps
// the highest revision of each family: that is what a service or a
// RunTask naming the family alone starts, and what AWS Security Hub judges.
func collectECSTaskDefinitions(ctx context.Context, s *scope, client *ecs.Client) {
	latest := map[string]int{}
	var families []string
	p := ecs.NewListTaskDefinitionsPaginator(client, &ecs.ListTaskDefinitionsInput{Status: ecstypes.TaskDefinitionStatusActive})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListTaskDefinitions", err)
			return
		}
		for _, arn := range page.TaskDefinitionArns {
			// arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION
			fam, rev, ok := strings.Cut(arn[strings.LastIndexByte(arn, '/')+1:], ":")
			n, err := strconv.Atoi(rev)
			if !ok || err != nil {
				continue
			}
			if _, seen := latest[fam]; !seen {
				families = append(families, fam)
			}
			latest[fam] = max(latest[fam], n)
		}
	}
	forEach(s, families, func(fam string) {
		name := fam + ":" + strconv.Itoa(latest[fam])
		out, err := client.DescribeTaskDefinition(ctx, &ecs.DescribeTaskDefinitionInput{TaskDefinition: aws.String(name),
			Include: []ecstypes.TaskDefinitionField{ecstypes.TaskDefinitionFieldTags}})
		if err != nil {
			s.failResource("DescribeTaskDefinition", name, err)
			return
		}
		td := out.TaskDefinition
		if td == nil {
			return
		}
		a := ecsTaskDefinition(td)
		tags := addTags(nil, out.Tags, func(t ecstypes.Tag) (*string, *string) { return t.Key, t.Value })
		s.add(aws.ToString(td.TaskDefinitionArn), model.KindECSTaskDefinition.With(a), name, ecsTaskDefinitionRaw(td), tags)
	})
}

// ecsTaskDefinition normalizes a task definition. Plain environment
// variables are kept by name only.
func ecsTaskDefinition(td *ecstypes.TaskDefinition) *model.ECSTaskDefinition {
	a := &model.ECSTaskDefinition{
		Family:      aws.ToString(td.Family),
		Revision:    int(td.Revision),
		NetworkMode: string(td.NetworkMode),
		PidMode:     string(td.PidMode),
		IpcMode:     string(td.IpcMode),
		Containers:  []model.ECSContainer{},
	}
	if a.NetworkMode == "" {
		// "If no network mode is specified, the default is bridge."
		a.NetworkMode = string(ecstypes.NetworkModeBridge)
	}
	for _, c := range td.ContainerDefinitions {
		mc := model.ECSContainer{
			Name:                   aws.ToString(c.Name),
			Image:                  aws.ToString(c.Image),
			Privileged:             aws.ToBool(c.Privileged),
			User:                   aws.ToString(c.User),
			ReadonlyRootFilesystem: aws.ToBool(c.ReadonlyRootFilesystem),
			EnvironmentNames:       []string{},
			SecretNames:            []string{},
		}
		for _, e := range c.Environment {
			mc.EnvironmentNames = append(mc.EnvironmentNames, aws.ToString(e.Name))
		}
		for _, e := range c.Secrets {
			mc.SecretNames = append(mc.SecretNames, aws.ToString(e.Name))
		}
		a.Containers = append(a.Containers, mc)
	}
	return a
}

// ecsTaskDefinitionRaw is the evidence kept of a task definition: its
// identity and modes, never its containers (their environment may hold
// secrets in plain text).
func ecsTaskDefinitionRaw(td *ecstypes.TaskDefinition) map[string]any {
	return map[string]any{
		"taskDefinitionArn":       aws.ToString(td.TaskDefinitionArn),
		"family":                  aws.ToString(td.Family),
		"revision":                td.Revision,
		"networkMode":             td.NetworkMode,
		"pidMode":                 td.PidMode,
		"ipcMode":                 td.IpcMode,
		"requiresCompatibilities": td.RequiresCompatibilities,
		"taskRoleArn":             aws.ToString(td.TaskRoleArn),
		"executionRoleArn":        aws.ToString(td.ExecutionRoleArn),
	}
}

// collectECSClusters reads the clusters with their settings and tags,
// then each cluster's services.
func collectECSClusters(ctx context.Context, s *scope, client *ecs.Client) {
	var arns []string
	p := ecs.NewListClustersPaginator(client, &ecs.ListClustersInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListClusters", err)
			return
		}
		arns = append(arns, page.ClusterArns...)
	}
	var clusters []ecstypes.Cluster
	for i := 0; i < len(arns); i += ecsClusterBatch {
		out, err := client.DescribeClusters(ctx, &ecs.DescribeClustersInput{Clusters: arns[i:min(i+ecsClusterBatch, len(arns))],
			Include: []ecstypes.ClusterField{ecstypes.ClusterFieldSettings, ecstypes.ClusterFieldTags}})
		if err != nil {
			s.fail("DescribeClusters", err)
			return
		}
		clusters = append(clusters, out.Clusters...)
	}
	forEach(s, clusters, func(c ecstypes.Cluster) {
		// AWS's default for a cluster made without the setting (and
		// without an account default) is disabled.
		a := &model.ECSCluster{Name: aws.ToString(c.ClusterName), ContainerInsights: "disabled"}
		for _, st := range c.Settings {
			if st.Name == ecstypes.ClusterSettingNameContainerInsights && aws.ToString(st.Value) != "" {
				a.ContainerInsights = aws.ToString(st.Value)
			}
		}
		tags := addTags(nil, c.Tags, func(t ecstypes.Tag) (*string, *string) { return t.Key, t.Value })
		raw := map[string]any{"clusterArn": aws.ToString(c.ClusterArn), "clusterName": a.Name, "status": aws.ToString(c.Status), "settings": c.Settings}
		s.add(aws.ToString(c.ClusterArn), model.KindECSCluster.With(a), a.Name, raw, tags)
		collectECSServices(ctx, s, client, aws.ToString(c.ClusterArn))
	})
}

// collectECSServices reads one cluster's services.
func collectECSServices(ctx context.Context, s *scope, client *ecs.Client, cluster string) {
	var arns []string
	p := ecs.NewListServicesPaginator(client, &ecs.ListServicesInput{Cluster: aws.String(cluster)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListServices", err)
			return
		}
		arns = append(arns, page.ServiceArns...)
	}
	for i := 0; i < len(arns); i += ecsServiceBatch {
		batch := arns[i:min(i+ecsServiceBatch, len(arns))]
		out, err := client.DescribeServices(ctx, &ecs.DescribeServicesInput{Cluster: aws.String(cluster), Services: batch,
			Include: []ecstypes.ServiceField{ecstypes.ServiceFieldTags}})
		if err != nil {
			for _, arn := range batch {
				s.failResource("DescribeServices", arn, err)
			}
			continue
		}
		for _, svc := range out.Services {
			a := &model.ECSService{Name: aws.ToString(svc.ServiceName), Cluster: cluster, LaunchType: string(svc.LaunchType),
				PlatformVersion: aws.ToString(svc.PlatformVersion), PlatformFamily: aws.ToString(svc.PlatformFamily)}
			if nc := svc.NetworkConfiguration; nc != nil && nc.AwsvpcConfiguration != nil {
				a.AssignPublicIP = nc.AwsvpcConfiguration.AssignPublicIp == ecstypes.AssignPublicIpEnabled
			}
			tags := addTags(nil, svc.Tags, func(t ecstypes.Tag) (*string, *string) { return t.Key, t.Value })
			raw := map[string]any{"serviceArn": aws.ToString(svc.ServiceArn), "serviceName": a.Name, "clusterArn": cluster,
				"launchType": svc.LaunchType, "platformVersion": a.PlatformVersion, "platformFamily": a.PlatformFamily, "networkConfiguration": svc.NetworkConfiguration, "taskDefinition": aws.ToString(svc.TaskDefinition)}
			s.add(aws.ToString(svc.ServiceArn), model.KindECSService.With(a), a.Name, raw, tags)
		}
	}
}
