package tfaws

import (
	"encoding/json"

	"github.com/vigil-sec/vigil/model"
)

// ECS task definitions, services and clusters.
func init() {
	registerParent("aws_ecs_task_definition", model.KindECSTaskDefinition, func(b *Builder) {
		a := model.KindECSTaskDefinition.Must(b.R)
		a.Family = b.NameFrom("family")
		// AWS numbers revisions at registration.
		b.Target().MarkUnknown("revision")
		// "If no network mode is specified, the default is bridge."
		a.NetworkMode = b.String("network_mode", "network_mode", "bridge")
		a.PidMode = b.String("pid_mode", "pid_mode", "")
		a.IpcMode = b.String("ipc_mode", "ipc_mode", "")
		a.Containers = ecsContainers(b)
	})
	registerParent("aws_ecs_service", model.KindECSService, func(b *Builder) {
		a := model.KindECSService.Must(b.R)
		a.Name = b.NameFrom("name")
		a.Cluster = b.String("cluster", "cluster", "default")
		a.LaunchType = b.String("launch_type", "launch_type", "")
		a.AssignPublicIP = b.Bool("network_configuration[0].assign_public_ip", "assign_public_ip", false)
		fargate := a.LaunchType == "FARGATE"
		for i := range b.Blocks("capacity_provider_strategy") {
			cp := b.String(model.Path("capacity_provider_strategy", i)+".capacity_provider", "", "")
			fargate = fargate || cp == "FARGATE" || cp == "FARGATE_SPOT"
		}
		a.PlatformVersion, a.PlatformFamily = model.ECSPlatform(a.LaunchType, fargate, b.String("platform_version", "platform_version", ""), b.Target())
	})
	registerParent("aws_ecs_cluster", model.KindECSCluster, func(b *Builder) {
		a := model.KindECSCluster.Must(b.R)
		a.Name = b.NameFrom("name")
		// AWS's default, with no account default set: disabled.
		a.ContainerInsights = "disabled"
		for i, s := range b.Blocks("setting") {
			if s["name"] == "containerInsights" {
				a.ContainerInsights = b.String(model.Path("setting", i)+".value", "container_insights", "disabled")
			}
		}
	})
}

// ecsContainerJSON is what Vigil reads of a container definition in
// container_definitions (the ECS API's JSON, camelCase members).
type ecsContainerJSON struct {
	Name                   string `json:"name"`
	Image                  string `json:"image"`
	Privileged             bool   `json:"privileged"`
	User                   string `json:"user"`
	ReadonlyRootFilesystem bool   `json:"readonlyRootFilesystem"`
	Environment            []struct {
		Name string `json:"name"`
	} `json:"environment"`
	Secrets []struct {
		Name string `json:"name"`
	} `json:"secrets"`
}

// ecsContainers parses container_definitions, a JSON string; values of
// the environment are not decoded at all. Not known before apply, or not
// JSON: the containers are unknown.
func ecsContainers(b *Builder) []model.ECSContainer {
	out := []model.ECSContainer{}
	v, ok := b.value("container_definitions", "containers")
	if !ok {
		return out
	}
	s, _ := v.(string)
	var defs []ecsContainerJSON
	if err := json.Unmarshal([]byte(s), &defs); err != nil {
		b.Target().MarkUnknown("containers")
		return out
	}
	for _, d := range defs {
		c := model.ECSContainer{Name: d.Name, Image: d.Image, Privileged: d.Privileged, User: d.User,
			ReadonlyRootFilesystem: d.ReadonlyRootFilesystem, EnvironmentNames: []string{}, SecretNames: []string{}}
		for _, e := range d.Environment {
			c.EnvironmentNames = append(c.EnvironmentNames, e.Name)
		}
		for _, e := range d.Secrets {
			c.SecretNames = append(c.SecretNames, e.Name)
		}
		out = append(out, c)
	}
	return out
}
