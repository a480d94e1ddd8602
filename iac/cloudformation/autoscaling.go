package cloudformation

import (
	"sort"

	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::AutoScaling::AutoScalingGroup", model.KindAutoScalingGroup, func(b *builder) {
		a := model.KindAutoScalingGroup.Must(b.target)
		a.AvailabilityZones = autoScalingZones(b)
		a.LoadBalancerAttached = b.count("LoadBalancerNames", "load_balancer_attached") > 0 || b.count("TargetGroupARNs", "load_balancer_attached") > 0
		a.HealthCheckTypes = model.AutoScalingHealthCheckTypes(b.str("HealthCheckType", "health_check_types", "EC2"))
		a.LaunchConfigurationName = refOrStr(b, "LaunchConfigurationName", "launch_configuration_name")
		for _, lt := range []string{"LaunchTemplate", "MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification"} {
			if a.LaunchTemplate == "" && b.has(lt) {
				a.LaunchTemplate = refOrStr(b, lt+".LaunchTemplateId", "launch_template")
				if a.LaunchTemplate == "" {
					a.LaunchTemplate = refOrStr(b, lt+".LaunchTemplateName", "launch_template")
				}
			}
		}
		a.UnpropagatedTags = []string{}
		n := b.count("Tags", "unpropagated_tags")
		for i := 0; i < n; i++ {
			key := b.str(model.Path("Tags", i, "Key"), "unpropagated_tags", "")
			// PropagateAtLaunch is required; a tag without it is invalid.
			if !b.boolean(model.Path("Tags", i, "PropagateAtLaunch"), "unpropagated_tags", false) && key != "" {
				a.UnpropagatedTags = append(a.UnpropagatedTags, key)
			}
		}
		sort.Strings(a.UnpropagatedTags)
	})

	parent("AWS::AutoScaling::LaunchConfiguration", model.KindAutoScalingLaunchConfiguration, func(b *builder) {
		a := model.KindAutoScalingLaunchConfiguration.Must(b.target)
		if n := b.str("LaunchConfigurationName", "", ""); n != "" {
			b.r.Name = n
		}
		a.MetadataOptions = b.metadataOptions("MetadataOptions", "metadata_options")
		a.HasPublicIP = b.boolean("AssociatePublicIpAddress", "has_public_ip", false)
		a.SecretsFound = b.userDataSecrets("UserData", "secrets_found")
	})
}

// refOrStr reads a name that may be a !Ref to a resource of the template
// (whose physical name is not known): then the logical id names it.
func refOrStr(b *builder, p, modelPath string) string {
	v, ok := b.get(p)
	if !ok {
		return ""
	}
	if s, ok := scalarString(v); ok {
		b.locate(p, modelPath)
		if id := b.t.refID(s); id != "" {
			return id
		}
		return s
	}
	return b.str(p, modelPath, "") // unknown: marked so
}

// autoScalingZones are the group's AvailabilityZones, or the zones of
// the subnets VPCZoneIdentifier names when each is a subnet of the
// template with a known zone; otherwise unknown.
func autoScalingZones(b *builder) []string {
	out := []string{}
	if b.has("AvailabilityZones") {
		return append(out, b.strs("AvailabilityZones", "availability_zones")...)
	}
	subnets := b.strs("VPCZoneIdentifier", "availability_zones")
	if len(subnets) == 0 {
		// The zones come from the launch template's network interfaces,
		// or from a list not known before deployment.
		b.r.MarkUnknown("availability_zones")
		return out
	}
	zones := map[string]bool{}
	for _, s := range subnets {
		r, ok := b.t.other(s)
		if !ok || r.typ != "AWS::EC2::Subnet" {
			b.r.MarkUnknown("availability_zones")
			return out
		}
		sb := b.reader(r)
		z := sb.str("AvailabilityZone", "availability_zone", "")
		if z == "" || sb.target.IsUnknown("availability_zone") {
			b.r.MarkUnknown("availability_zones")
			return out
		}
		zones[z] = true
	}
	for z := range zones {
		out = append(out, z)
	}
	sort.Strings(out)
	return out
}
