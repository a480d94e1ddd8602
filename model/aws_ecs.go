package model

// Kinds of this service.
var (
	KindECSTaskDefinition = NewKind[ECSTaskDefinition]("aws.ecs.task_definition", "ECS task definition (the latest active revision of a family)")
	KindECSService        = NewKind[ECSService]("aws.ecs.service", "ECS service")
	KindECSCluster        = NewKind[ECSCluster]("aws.ecs.cluster", "ECS cluster")
)

// ECSTaskDefinition is kind aws.ecs.task_definition.
type ECSTaskDefinition struct {
	Family      string         `json:"family"`
	Revision    int            `json:"revision"`
	NetworkMode string         `json:"network_mode" doc:"awsvpc, bridge, host or none (bridge when not set, on EC2)"`
	PidMode     string         `json:"pid_mode" doc:"host, task, or empty (the container's own namespace)"`
	IpcMode     string         `json:"ipc_mode" doc:"host, task, none, or empty (Docker's default)"`
	Containers  []ECSContainer `json:"containers"`
}

// ECSContainer is one container definition of a task definition. Its plain
// environment is kept by variable name only: values are never stored, so
// a secret passed in plain text never reaches the store or a report.
type ECSContainer struct {
	Name                   string   `json:"name"`
	Image                  string   `json:"image"`
	Privileged             bool     `json:"privileged"`
	User                   string   `json:"user" doc:"the user the container runs as (name, uid, uid:gid ...); empty: the image's USER"`
	ReadonlyRootFilesystem bool     `json:"readonly_root_filesystem"`
	EnvironmentNames       []string `json:"environment_names" doc:"names of the plain-text environment variables (values are not kept)"`
	SecretNames            []string `json:"secret_names" doc:"names of the variables injected from Secrets Manager or SSM Parameter Store"`
}

// ECSService is kind aws.ecs.service.
type ECSService struct {
	Name           string `json:"name"`
	Cluster        string `json:"cluster" doc:"the cluster's ARN (live) or reference (IaC)"`
	LaunchType     string `json:"launch_type" doc:"EC2, FARGATE, EXTERNAL, or empty with a capacity provider strategy"`
	AssignPublicIP bool   `json:"assign_public_ip" doc:"awsvpc tasks get a public IP address (awsvpcConfiguration.assignPublicIp ENABLED)"`
	// Fargate only: what the service asks for (LATEST, the default, or a
	// version such as 1.4.0), and the tasks' operating system family.
	PlatformVersion string `json:"platform_version" doc:"Fargate platform version the service runs on: LATEST (the default) or a version (1.4.0); empty when not on Fargate"`
	PlatformFamily  string `json:"platform_family" doc:"Fargate tasks' operating system family: Linux, WINDOWS_SERVER_2019_CORE ...; empty when not on Fargate or not stated"`
}

// ECSCluster is kind aws.ecs.cluster.
type ECSCluster struct {
	Name              string `json:"name"`
	ContainerInsights string `json:"container_insights" doc:"enabled, enhanced or disabled (the containerInsights cluster setting)"`
}

// ECSPlatform gives an IaC-declared service's platform version and family
// (the family is the task definition's, which the service does not
// declare). Fargate (the launch type, or a FARGATE or FARGATE_SPOT
// capacity provider) runs LATEST when the version is left out; EC2 and
// EXTERNAL services have none. The family only tells Windows' single
// version, 1.0.0, from Linux's first: there it is unknown on r.
func ECSPlatform(launchType string, fargate bool, declared string, r *Resource) (version, family string) {
	switch {
	case launchType == "EC2" || launchType == "EXTERNAL":
		return "", ""
	case declared != "":
		version = declared
	case fargate:
		version = "LATEST"
	}
	if version == "1.0.0" {
		r.MarkUnknown("platform_family")
	}
	return version, ""
}
