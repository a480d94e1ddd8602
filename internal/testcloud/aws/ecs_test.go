package aws

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/vigil-sec/vigil/model"
)

// The ECS calls decode through the SDK: active revisions only, a family
// named alone is its latest active revision, clusters with their settings
// and tags when asked, services by cluster.
func TestECSRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "ecs")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := ecs.NewFromConfig(cfg)
	list, err := client.ListTaskDefinitions(ctx, &ecs.ListTaskDefinitionsInput{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"arn:aws:ecs:us-east-1:111111111111:task-definition/web-legacy:1", "arn:aws:ecs:us-east-1:111111111111:task-definition/web-legacy:2",
		"arn:aws:ecs:us-east-1:111111111111:task-definition/api:7"}
	sameJSON(t, "ListTaskDefinitions", list.TaskDefinitionArns, want)
	td, err := client.DescribeTaskDefinition(ctx, &ecs.DescribeTaskDefinitionInput{TaskDefinition: aws.String("web-legacy"),
		Include: []ecstypes.TaskDefinitionField{ecstypes.TaskDefinitionFieldTags}})
	if err != nil {
		t.Fatal(err)
	}
	c := td.TaskDefinition.ContainerDefinitions[0]
	if td.TaskDefinition.Revision != 2 || td.TaskDefinition.NetworkMode != ecstypes.NetworkModeHost || td.TaskDefinition.PidMode != ecstypes.PidModeHost ||
		!aws.ToBool(c.Privileged) || aws.ToString(c.User) != "root" || len(c.Environment) != 3 || len(td.Tags) != 1 || aws.ToString(td.Tags[0].Key) != "team" {
		t.Errorf("DescribeTaskDefinition web-legacy: %+v %+v", td.TaskDefinition, td.Tags)
	}
	untagged, err := client.DescribeTaskDefinition(ctx, &ecs.DescribeTaskDefinitionInput{TaskDefinition: aws.String("api:7")})
	if err != nil || len(untagged.Tags) != 0 || aws.ToString(untagged.TaskDefinition.ContainerDefinitions[0].Secrets[0].Name) != "DB_PASSWORD" {
		t.Errorf("DescribeTaskDefinition api:7 without tags: %+v %v", untagged, err)
	}
	var ce *ecstypes.ClientException
	if _, err := client.DescribeTaskDefinition(ctx, &ecs.DescribeTaskDefinitionInput{TaskDefinition: aws.String("nope")}); !errors.As(err, &ce) {
		t.Errorf("DescribeTaskDefinition nope: %v", err)
	}
	cls, err := client.ListClusters(ctx, &ecs.ListClustersInput{})
	if err != nil || len(cls.ClusterArns) != 2 {
		t.Fatalf("ListClusters: %+v %v", cls, err)
	}
	d, err := client.DescribeClusters(ctx, &ecs.DescribeClustersInput{Clusters: append(cls.ClusterArns, "gone"),
		Include: []ecstypes.ClusterField{ecstypes.ClusterFieldSettings}})
	if err != nil || len(d.Clusters) != 2 || len(d.Failures) != 1 || d.Clusters[0].Settings[0].Name != ecstypes.ClusterSettingNameContainerInsights || d.Clusters[0].Tags != nil {
		t.Errorf("DescribeClusters: %+v %v", d, err)
	}
	svcs, err := client.ListServices(ctx, &ecs.ListServicesInput{Cluster: aws.String("legacy")})
	if err != nil || len(svcs.ServiceArns) != 1 || svcs.ServiceArns[0] != "arn:aws:ecs:us-east-1:111111111111:service/legacy/web" {
		t.Fatalf("ListServices: %+v %v", svcs, err)
	}
	ds, err := client.DescribeServices(ctx, &ecs.DescribeServicesInput{Cluster: aws.String("legacy"), Services: svcs.ServiceArns})
	if err != nil || len(ds.Services) != 1 || ds.Services[0].NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp != ecstypes.AssignPublicIpEnabled {
		t.Errorf("DescribeServices: %+v %v", ds, err)
	}
	var nf *ecstypes.ClusterNotFoundException
	if _, err := client.ListServices(ctx, &ecs.ListServicesInput{Cluster: aws.String("nope")}); !errors.As(err, &nf) {
		t.Errorf("ListServices nope: %v", err)
	}
}

// Task definitions page by 100, or maxResults up to 100.
func TestECSPages(t *testing.T) {
	w := fragmentWorld(t, "ecs")
	var tds []ecsTaskDefinition
	for i := range 230 {
		tds = append(tds, ecsTaskDefinition{TaskDefinition: ecstypes.TaskDefinition{Family: aws.String(fmt.Sprintf("app-%03d", i)), Revision: 1}})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "ecs", &ecsWorld{TaskDefinitions: tds})
	cfg, _ := testCloud(t, w)
	client := ecs.NewFromConfig(cfg, func(o *ecs.Options) { o.Region = "eu-west-1" })
	for _, tc := range []struct {
		limit int32
		pages int
	}{{0, 3}, {100, 3}, {50, 5}} {
		p := ecs.NewListTaskDefinitionsPaginator(client, &ecs.ListTaskDefinitionsInput{}, func(o *ecs.ListTaskDefinitionsPaginatorOptions) { o.Limit = tc.limit })
		n, pages := 0, 0
		for p.HasMorePages() {
			out, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			n += len(out.TaskDefinitionArns)
			pages++
		}
		if n != 230 || pages != tc.pages {
			t.Errorf("limit %d: %d in %d pages", tc.limit, n, pages)
		}
	}
}

// The collector keeps each family's latest active revision and the
// environment's names only; clusters and services as the world has them.
func TestECSCollector(t *testing.T) {
	w := fragmentWorld(t, "ecs")
	res := collectClean(t, w, "ecs")
	kinds := byKind(res.Resources)
	tds := kinds["aws.ecs.task_definition"]
	if len(tds) != 2 {
		t.Fatalf("want 2 task definitions, got %v", tds)
	}
	web := tds["web-legacy:2"]
	if web == nil || web.ID != "arn:aws:ecs:us-east-1:111111111111:task-definition/web-legacy:2" || web.Tags["team"] != "web" {
		t.Fatalf("web-legacy: %+v", web)
	}
	a := web.Attributes.(*model.ECSTaskDefinition)
	if a.NetworkMode != "host" || a.PidMode != "host" || !a.Containers[0].Privileged || a.Containers[0].ReadonlyRootFilesystem ||
		fmt.Sprint(a.Containers[0].EnvironmentNames) != "[AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY LOG_LEVEL]" {
		t.Errorf("web-legacy attributes: %+v", a)
	}
	if containsBytes(web.Raw, "not-a-real-secret-value") || containsBytes(web.Raw, "AKIAEXAMPLE") {
		t.Errorf("an environment value reached the evidence: %s", web.Raw)
	}
	api := tds["api:7"].Attributes.(*model.ECSTaskDefinition)
	if api.NetworkMode != "awsvpc" || api.Containers[0].User != "1000:1000" || !api.Containers[0].ReadonlyRootFilesystem || api.Containers[0].SecretNames[0] != "DB_PASSWORD" {
		t.Errorf("api attributes: %+v", api)
	}
	cl := kinds["aws.ecs.cluster"]
	if cl["prod"].Attributes.(*model.ECSCluster).ContainerInsights != "enabled" || cl["legacy"].Attributes.(*model.ECSCluster).ContainerInsights != "disabled" ||
		cl["prod"].Tags["env"] != "prod" {
		t.Errorf("clusters: %+v %+v", cl["prod"], cl["legacy"])
	}
	svcs := kinds["aws.ecs.service"]
	if !svcs["web"].Attributes.(*model.ECSService).AssignPublicIP || svcs["api"].Attributes.(*model.ECSService).AssignPublicIP ||
		svcs["web"].ID != "arn:aws:ecs:us-east-1:111111111111:service/legacy/web" {
		t.Errorf("services: %+v %+v", svcs["web"], svcs["api"])
	}
	if w, a := svcs["web"].Attributes.(*model.ECSService), svcs["api"].Attributes.(*model.ECSService); w.PlatformVersion != "1.3.0" ||
		w.PlatformFamily != "Linux" || a.PlatformVersion != "LATEST" {
		t.Errorf("platforms: web %+v, api %+v", w, a)
	}
}

func containsBytes(b []byte, s string) bool { return bytes.Contains(b, []byte(s)) }
