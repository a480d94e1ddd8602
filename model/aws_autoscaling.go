package model

import "strings"

// Kinds of this service.
var (
	KindAutoScalingGroup               = NewKind[AutoScalingGroup]("aws.autoscaling.group", "EC2 Auto Scaling group")
	KindAutoScalingLaunchConfiguration = NewKind[AutoScalingLaunchConfiguration]("aws.autoscaling.launch_configuration", "EC2 Auto Scaling launch configuration")
)

// AutoScalingGroup is kind aws.autoscaling.group.
type AutoScalingGroup struct {
	AvailabilityZones       []string `json:"availability_zones" doc:"the Availability Zones the group launches into (from its subnets when it names subnets)"`
	LoadBalancerAttached    bool     `json:"load_balancer_attached" doc:"classic load balancers or target groups are attached"`
	HealthCheckTypes        []string `json:"health_check_types" doc:"EC2 (always), ELB, VPC_LATTICE, EBS"`
	LaunchConfigurationName string   `json:"launch_configuration_name" doc:"the launch configuration it launches from, empty when it uses a launch template"`
	LaunchTemplate          string   `json:"launch_template" doc:"the launch template (id or name) it launches from, directly or through a mixed instances policy"`
	UnpropagatedTags        []string `json:"unpropagated_tags" doc:"keys of the group's tags that are not propagated to the instances it launches"`
}

// AutoScalingLaunchConfiguration is kind aws.autoscaling.launch_configuration.
type AutoScalingLaunchConfiguration struct {
	MetadataOptions MetadataOptions `json:"metadata_options"`
	HasPublicIP     bool            `json:"has_public_ip" doc:"AssociatePublicIpAddress is true: every instance gets a public IPv4 address"`
	SecretsFound    []SecretFinding `json:"secrets_found" doc:"secrets found in the user data (kind and line, never the value)"`
}

// AutoScalingHealthCheckTypes splits a group's HealthCheckType as the API
// and the IaC formats carry it: a comma-separated list, since additional
// health checks (ELB, VPC_LATTICE, EBS) may be combined; EC2 status checks
// always apply, and are all there is when it is empty.
func AutoScalingHealthCheckTypes(v string) []string {
	out := []string{}
	for _, t := range strings.Split(v, ",") {
		if t = strings.ToUpper(strings.TrimSpace(t)); t != "" {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		out = append(out, "EC2")
	}
	return out
}
