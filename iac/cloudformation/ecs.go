package cloudformation

import (
	"strconv"

	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::ECS::TaskDefinition", model.KindECSTaskDefinition, func(b *builder) {
		a := model.KindECSTaskDefinition.Must(b.target)
		a.Family = b.nameProp("Family")
		// AWS numbers revisions at registration.
		b.target.MarkUnknown("revision")
		// "If no network mode is specified, the default is bridge."
		a.NetworkMode = b.str("NetworkMode", "network_mode", "bridge")
		a.PidMode = b.str("PidMode", "pid_mode", "")
		a.IpcMode = b.str("IpcMode", "ipc_mode", "")
		a.Containers = []model.ECSContainer{}
		n := b.count("ContainerDefinitions", "containers")
		for i := range n {
			p := "ContainerDefinitions[" + strconv.Itoa(i) + "]"
			mp := model.Path("containers", i)
			c := model.ECSContainer{
				Name:                   b.str(p+".Name", mp+".name", ""),
				Image:                  b.str(p+".Image", mp+".image", ""),
				Privileged:             b.boolean(p+".Privileged", mp+".privileged", false),
				User:                   b.str(p+".User", mp+".user", ""),
				ReadonlyRootFilesystem: b.boolean(p+".ReadonlyRootFilesystem", mp+".readonly_root_filesystem", false),
				EnvironmentNames:       []string{},
				SecretNames:            []string{},
			}
			// Names only: the values are never read.
			for j := range b.count(p+".Environment", mp+".environment_names") {
				c.EnvironmentNames = append(c.EnvironmentNames, b.str(p+".Environment["+strconv.Itoa(j)+"].Name", mp+".environment_names", ""))
			}
			for j := range b.count(p+".Secrets", mp+".secret_names") {
				c.SecretNames = append(c.SecretNames, b.str(p+".Secrets["+strconv.Itoa(j)+"].Name", mp+".secret_names", ""))
			}
			a.Containers = append(a.Containers, c)
		}
	})
	parent("AWS::ECS::Service", model.KindECSService, func(b *builder) {
		a := model.KindECSService.Must(b.target)
		a.Name = b.nameProp("ServiceName")
		a.Cluster = b.str("Cluster", "cluster", "default")
		a.LaunchType = b.str("LaunchType", "launch_type", "")
		a.AssignPublicIP = b.str("NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp", "assign_public_ip", "DISABLED") == "ENABLED"
		fargate := a.LaunchType == "FARGATE"
		for i := range b.count("CapacityProviderStrategy", "") {
			cp := b.str(model.Path("CapacityProviderStrategy", i, "CapacityProvider"), "", "")
			fargate = fargate || cp == "FARGATE" || cp == "FARGATE_SPOT"
		}
		a.PlatformVersion, a.PlatformFamily = model.ECSPlatform(a.LaunchType, fargate, b.str("PlatformVersion", "platform_version", ""), b.target)
	})
	parent("AWS::ECS::Cluster", model.KindECSCluster, func(b *builder) {
		a := model.KindECSCluster.Must(b.target)
		a.Name = b.nameProp("ClusterName")
		// AWS's default, with no account default set: disabled.
		a.ContainerInsights = "disabled"
		for i := range b.count("ClusterSettings", "container_insights") {
			p := "ClusterSettings[" + strconv.Itoa(i) + "]"
			if name, _ := b.get(p + ".Name"); name == "containerInsights" {
				a.ContainerInsights = b.str(p+".Value", "container_insights", "disabled")
			}
		}
	})
}
