package tfaws

import (
	"sort"
	"strings"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// EC2 Auto Scaling: aws_autoscaling_group (joined by
// aws_autoscaling_attachment) becomes aws.autoscaling.group,
// aws_launch_configuration aws.autoscaling.launch_configuration.
func init() {
	registerParent("aws_autoscaling_group", model.KindAutoScalingGroup, mapAutoScalingGroup)
	registerChild("aws_autoscaling_attachment", "autoscaling_group_name", []string{"aws_autoscaling_group"}, func(p *Builder, c *Child) {
		model.KindAutoScalingGroup.Must(p.R).LoadBalancerAttached = true
		locateBlock(c, "load_balancer_attached")
	})
	registerParent("aws_launch_configuration", model.KindAutoScalingLaunchConfiguration, func(b *Builder) {
		a := model.KindAutoScalingLaunchConfiguration.Must(b.R)
		b.NameFrom("name")
		a.MetadataOptions = readMetadataOptions(b, "metadata_options[0]")
		// The provider asks for no public address unless told to.
		a.HasPublicIP = b.Bool("associate_public_ip_address", "has_public_ip", false)
		a.SecretsFound = userDataSecrets(b, "secrets_found", "user_data", "user_data_base64")
	})
	finishers = append(finishers, finishAutoScalingGroups)
}

func mapAutoScalingGroup(b *Builder) {
	a := model.KindAutoScalingGroup.Must(b.R)
	b.NameFrom("name")
	a.AvailabilityZones = []string{}
	if b.Has("availability_zones") {
		a.AvailabilityZones = b.Strings("availability_zones", "availability_zones")
	} else if !b.Has("vpc_zone_identifier") {
		// The zones come from the launch template's network interfaces.
		b.R.MarkUnknown("availability_zones")
	} // else from the subnets, in finishAutoScalingGroups
	// An element not known before apply still attaches something.
	a.LoadBalancerAttached = listSet(b, "load_balancers", "load_balancer_attached") || listSet(b, "target_group_arns", "load_balancer_attached")
	a.HealthCheckTypes = model.AutoScalingHealthCheckTypes(b.String("health_check_type", "health_check_types", "EC2"))
	a.LaunchConfigurationName = refOrString(b, "launch_configuration", "launch_configuration_name")
	for _, lt := range []string{"launch_template[0]", "mixed_instances_policy[0].launch_template[0].launch_template_specification[0]"} {
		if a.LaunchTemplate == "" && b.Has(lt) {
			a.LaunchTemplate = refOrString(b, lt+".id", "launch_template")
			if a.LaunchTemplate == "" {
				a.LaunchTemplate = refOrString(b, lt+".name", "launch_template")
			}
			if a.LaunchTemplate == "" {
				a.LaunchTemplate = refOrString(b, lt+".launch_template_id", "launch_template")
			}
			if a.LaunchTemplate == "" {
				a.LaunchTemplate = refOrString(b, lt+".launch_template_name", "launch_template")
			}
		}
	}
	a.UnpropagatedTags = []string{}
	for i, t := range b.Blocks("tag") {
		key, ok := t["key"].(string)
		if !ok {
			b.R.MarkUnknown("unpropagated_tags")
			continue
		}
		if v, ok := t["value"].(string); ok {
			if b.R.Tags == nil {
				b.R.Tags = map[string]string{}
			}
			b.R.Tags[key] = v
		}
		if !b.Bool(model.Path("tag", i)+".propagate_at_launch", "unpropagated_tags", false) && !b.R.IsUnknown("unpropagated_tags") {
			a.UnpropagatedTags = append(a.UnpropagatedTags, key)
		}
	}
	sort.Strings(a.UnpropagatedTags)
}

// listSet reports whether a list attribute has an element, known or not.
func listSet(b *Builder, tfPath, modelPath string) bool {
	v, ok := b.Lookup(tfPath)
	if !ok {
		return false
	}
	b.locate(tfPath, modelPath)
	if instance.IsUnknown(v) {
		b.Target().MarkUnknown(modelPath)
		return false
	}
	l, _ := v.([]any)
	return len(l) > 0
}

// refOrString reads a name or id that may be a reference to another
// resource's computed attribute: set, it is the value, else the address
// of the resource it refers to.
func refOrString(b *Builder, tfPath, modelPath string) string {
	v, ok := b.Lookup(tfPath)
	if !ok {
		return ""
	}
	b.locate(tfPath, modelPath)
	if s, ok := v.(string); ok {
		return s
	}
	top, _, _ := strings.Cut(tfPath, "[")
	top, _, _ = strings.Cut(top, ".")
	if refs := b.In.Refs[top]; len(refs) > 0 {
		return refs[0]
	}
	b.Target().MarkUnknown(modelPath)
	return ""
}

// finishAutoScalingGroups takes a group's zones from the subnets its
// vpc_zone_identifier names, when each of them is a subnet of the
// configuration with a known zone; otherwise the zones are unknown.
func finishAutoScalingGroups(all []*Builder) {
	byBase := map[string][]*Builder{}
	for _, b := range all {
		byBase[b.In.Module+"|"+b.In.BaseAddress()] = append(byBase[b.In.Module+"|"+b.In.BaseAddress()], b)
	}
	for _, b := range all {
		if b.In.Type != "aws_autoscaling_group" || b.Has("availability_zones") || !b.Has("vpc_zone_identifier") {
			continue
		}
		a := model.KindAutoScalingGroup.Must(b.R)
		v, _ := b.Lookup("vpc_zone_identifier")
		elems, _ := v.([]any)
		var subnets []*Builder
		for _, r := range b.In.Refs["vpc_zone_identifier"] {
			for _, s := range byBase[b.In.Module+"|"+r] {
				if s.In.Type == "aws_subnet" || s.In.Type == "aws_default_subnet" {
					subnets = append(subnets, s)
				}
			}
		}
		zones := map[string]bool{}
		known := len(elems) > 0 && len(subnets) == len(elems)
		for _, s := range subnets {
			z := model.KindEC2Subnet.Must(s.R).AvailabilityZone
			if z == "" || s.R.IsUnknown("availability_zone") {
				known = false
			}
			zones[z] = true
		}
		b.locate("vpc_zone_identifier", "availability_zones")
		if !known {
			b.R.MarkUnknown("availability_zones")
			continue
		}
		for z := range zones {
			a.AvailabilityZones = append(a.AvailabilityZones, z)
		}
		sort.Strings(a.AvailabilityZones)
	}
}
