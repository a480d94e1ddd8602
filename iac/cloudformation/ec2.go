package cloudformation

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// sgRule reads one security group rule at base ("" for a standalone
// SecurityGroupIngress/Egress resource) into model path mp.
func (b *builder) sgRule(base, mp string, egress bool) model.SecurityGroupRule {
	at := func(f string) string {
		if base == "" {
			return f
		}
		return base + "." + f
	}
	r := model.SecurityGroupRule{
		Protocol:    model.NormalizeProtocol(b.str(at("IpProtocol"), mp+".protocol", "-1")),
		Description: b.str(at("Description"), mp+".description", ""),
	}
	r.FromPort = b.integer(at("FromPort"), mp+".from_port", 0)
	r.ToPort = b.integer(at("ToPort"), mp+".to_port", 0)
	if r.Protocol == "-1" && !b.has(at("FromPort")) {
		r.FromPort, r.ToPort = 0, 0
	}
	r.CIDRBlocks = b.strs(at("CidrIp"), mp+".cidr_blocks")
	r.IPv6CIDRBlocks = b.strs(at("CidrIpv6"), mp+".ipv6_cidr_blocks")
	if egress {
		r.SecurityGroups = b.strs(at("DestinationSecurityGroupId"), mp+".security_groups")
		r.PrefixLists = b.strs(at("DestinationPrefixListId"), mp+".prefix_lists")
	} else {
		r.SecurityGroups = append(b.strs(at("SourceSecurityGroupId"), mp+".security_groups"),
			b.strs(at("SourceSecurityGroupName"), mp+".security_groups")...)
		r.PrefixLists = b.strs(at("SourcePrefixListId"), mp+".prefix_lists")
	}
	if r.CIDRBlocks == nil {
		r.CIDRBlocks = []string{}
	}
	if r.IPv6CIDRBlocks == nil {
		r.IPv6CIDRBlocks = []string{}
	}
	if r.SecurityGroups == nil {
		r.SecurityGroups = []string{}
	}
	if r.PrefixLists == nil {
		r.PrefixLists = []string{}
	}
	b.locate(base, mp) // base "" locates the standalone rule resource
	return r
}

// metadataOptions reads IMDS settings with the EC2 defaults.
func (b *builder) metadataOptions(base, mp string) model.MetadataOptions {
	return model.MetadataOptions{
		HTTPEndpoint:            b.str(base+".HttpEndpoint", mp+".http_endpoint", "enabled"),
		HTTPTokens:              b.str(base+".HttpTokens", mp+".http_tokens", "optional"),
		HTTPPutResponseHopLimit: b.integer(base+".HttpPutResponseHopLimit", mp+".http_put_response_hop_limit", 1),
	}
}

// blockDevices reads BlockDeviceMappings (EBS entries only).
func (b *builder) blockDevices(base, mp string) []model.BlockDevice {
	n := b.count(base, mp)
	out := []model.BlockDevice{}
	for i := 0; i < n; i++ {
		p := model.Path(base, i)
		if !b.has(p + ".Ebs") {
			continue
		}
		m := model.Path(mp, len(out))
		d := model.BlockDevice{
			DeviceName: b.str(p+".DeviceName", m+".device_name", ""),
			Encrypted:  b.boolean(p+".Ebs.Encrypted", m+".encrypted", false),
			KMSKeyID:   b.str(p+".Ebs.KmsKeyId", m+".kms_key_id", ""),
			VolumeSize: b.integer(p+".Ebs.VolumeSize", m+".volume_size", 0),
		}
		// The usual root device names; the AMI decides for certain.
		d.Root = d.DeviceName == "/dev/xvda" || d.DeviceName == "/dev/sda1"
		b.locate(p, m)
		out = append(out, d)
	}
	return out
}

func init() {
	parent("AWS::EC2::SecurityGroup", model.KindEC2SecurityGroup, func(b *builder) {
		a := model.KindEC2SecurityGroup.Must(b.target)
		// What attaches the group may be declared in any template.
		b.r.MarkUnknown("network_interface_count")
		a.Name = b.str("GroupName", "name", "")
		if a.Name != "" {
			b.r.Name = a.Name
		} else if !b.has("GroupName") {
			b.r.MarkUnknown("name")
		}
		a.Description = b.str("GroupDescription", "description", "")
		a.VPCID = b.str("VpcId", "vpc_id", "")
		b.relate(model.RelInVPC, a.VPCID)
		a.Ingress = []model.SecurityGroupRule{}
		n := b.count("SecurityGroupIngress", "ingress")
		for i := 0; i < n; i++ {
			a.Ingress = append(a.Ingress, b.sgRule(model.Path("SecurityGroupIngress", i), model.Path("ingress", i), false))
		}
		if !b.has("SecurityGroupEgress") {
			// CloudFormation keeps EC2's default allow-all egress rule
			// unless the group lists its own egress rules.
			a.Egress = []model.SecurityGroupRule{{Protocol: "-1", CIDRBlocks: []string{"0.0.0.0/0"},
				IPv6CIDRBlocks: []string{}, SecurityGroups: []string{}, PrefixLists: []string{}}}
		} else {
			a.Egress = []model.SecurityGroupRule{}
			n := b.count("SecurityGroupEgress", "egress")
			for i := 0; i < n; i++ {
				a.Egress = append(a.Egress, b.sgRule(model.Path("SecurityGroupEgress", i), model.Path("egress", i), true))
			}
		}
	})
	sgRuleChild := func(egress bool) func(c *builder) {
		return func(c *builder) {
			groups := c.parentsOf("GroupId", "AWS::EC2::SecurityGroup")
			if len(groups) == 0 {
				groups = c.parentsOf("GroupName", "AWS::EC2::SecurityGroup")
			}
			for _, p := range groups {
				c.onto(p)
				a := model.KindEC2SecurityGroup.Must(c.target)
				if egress {
					a.Egress = append(a.Egress, c.sgRule("", model.Path("egress", len(a.Egress)), true))
				} else {
					a.Ingress = append(a.Ingress, c.sgRule("", model.Path("ingress", len(a.Ingress)), false))
				}
			}
		}
	}
	child("AWS::EC2::SecurityGroupIngress", sgRuleChild(false))
	child("AWS::EC2::SecurityGroupEgress", sgRuleChild(true))

	parent("AWS::EC2::Instance", model.KindEC2Instance, mapInstance)

	parent("AWS::EC2::LaunchTemplate", model.KindEC2LaunchTemplate, func(b *builder) {
		a := model.KindEC2LaunchTemplate.Must(b.target)
		a.Name = b.str("LaunchTemplateName", "name", "")
		if a.Name != "" {
			b.r.Name = a.Name
		}
		a.MetadataOptions = b.metadataOptions("LaunchTemplateData.MetadataOptions", "metadata_options")
		a.BlockDevices = b.blockDevices("LaunchTemplateData.BlockDeviceMappings", "block_devices")
		a.SecretsFound = b.userDataSecrets("LaunchTemplateData.UserData", "secrets_found")
		n := b.count("LaunchTemplateData.NetworkInterfaces", "has_public_ip")
		for i := 0; i < n; i++ {
			if b.boolean(model.Path("LaunchTemplateData.NetworkInterfaces", i, "AssociatePublicIpAddress"), "has_public_ip", false) {
				a.HasPublicIP = true
			}
		}
	})

	parent("AWS::EC2::Volume", model.KindEC2Volume, func(b *builder) {
		a := model.KindEC2Volume.Must(b.target)
		a.Encrypted = b.boolean("Encrypted", "encrypted", false)
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		b.relate(model.RelEncryptedBy, a.KMSKeyID)
		a.Size = b.integer("Size", "size", 0)
		if !b.has("Size") {
			b.r.MarkUnknown("size") // taken from the snapshot
		}
		a.VolumeType = b.str("VolumeType", "volume_type", "gp2")
		a.AvailabilityZone = b.str("AvailabilityZone", "availability_zone", "")
	})

	// The region's block public access for EBS snapshots (State required).
	// What the template does not set about the region stays null: unknown.
	parent("AWS::EC2::SnapshotBlockPublicAccess", model.KindAWSRegion, func(b *builder) {
		if state := b.str("State", "ebs_snapshot_block_public_access", ""); state != "" {
			model.KindAWSRegion.Must(b.target).EBSSnapshotBlockPublicAccess = &state
		}
		b.r.MarkNullUnknown()
	})
	parent("AWS::EC2::VPC", model.KindEC2VPC, func(b *builder) {
		a := model.KindEC2VPC.Must(b.target)
		a.CIDRBlock = b.str("CidrBlock", "cidr_block", "")
		if !b.has("CidrBlock") {
			b.r.MarkUnknown("cidr_block") // allocated from IPAM
		}
	})
	child("AWS::EC2::FlowLog", func(c *builder) {
		if t := c.str("ResourceType", "", "VPC"); t != "VPC" {
			return
		}
		if c.has("ResourceIds") {
			for _, p := range c.parentsOf("ResourceIds", "AWS::EC2::VPC") {
				c.onto(p)
				model.KindEC2VPC.Must(c.target).FlowLogsEnabled = true
				c.locate("", "flow_logs_enabled")
			}
			return
		}
		for _, p := range c.parentsOf("ResourceId", "AWS::EC2::VPC") {
			c.onto(p)
			model.KindEC2VPC.Must(c.target).FlowLogsEnabled = true
			c.locate("", "flow_logs_enabled")
		}
	})

	parent("AWS::EC2::Subnet", model.KindEC2Subnet, func(b *builder) {
		a := model.KindEC2Subnet.Must(b.target)
		a.VPCID = b.str("VpcId", "vpc_id", "")
		b.relate(model.RelInVPC, a.VPCID)
		a.CIDRBlock = b.str("CidrBlock", "cidr_block", "")
		a.AvailabilityZone = b.str("AvailabilityZone", "availability_zone", "")
		if !b.has("AvailabilityZone") && !b.has("AvailabilityZoneId") {
			b.r.MarkUnknown("availability_zone")
		}
		a.MapPublicIPOnLaunch = b.boolean("MapPublicIpOnLaunch", "map_public_ip_on_launch", false)
	})

	parent("AWS::EC2::NetworkAcl", model.KindEC2NetworkACL, func(b *builder) {
		a := model.KindEC2NetworkACL.Must(b.target)
		a.VPCID = b.str("VpcId", "vpc_id", "")
		b.relate(model.RelInVPC, a.VPCID)
		// A new network ACL denies everything until entries are added; its
		// implicit deny-all (*) entries are not listed, as in the API.
		a.Entries = []model.NetworkACLRule{}
		a.Subnets = []string{}
	})
	child("AWS::EC2::NetworkAclEntry", func(c *builder) {
		for _, p := range c.parentsOf("NetworkAclId", "AWS::EC2::NetworkAcl") {
			c.onto(p)
			a := model.KindEC2NetworkACL.Must(c.target)
			mp := model.Path("entries", len(a.Entries))
			e := model.NetworkACLRule{
				RuleNumber:    c.integer("RuleNumber", mp+".rule_number", 0),
				Egress:        c.boolean("Egress", mp+".egress", false),
				Protocol:      model.NormalizeProtocol(c.str("Protocol", mp+".protocol", "-1")),
				Action:        strings.ToLower(c.str("RuleAction", mp+".action", "")),
				CIDRBlock:     c.str("CidrBlock", mp+".cidr_block", ""),
				IPv6CIDRBlock: c.str("Ipv6CidrBlock", mp+".ipv6_cidr_block", ""),
				FromPort:      c.integer("PortRange.From", mp+".from_port", 0),
				ToPort:        c.integer("PortRange.To", mp+".to_port", 0),
			}
			if e.Protocol == "-1" && !c.has("PortRange") {
				e.FromPort, e.ToPort = 0, 65535
			}
			c.locate("", mp)
			a.Entries = append(a.Entries, e)
		}
	})
}

func mapInstance(b *builder) {
	a := model.KindEC2Instance.Must(b.target)
	a.State = "running"
	a.ImageID = b.str("ImageId", "image_id", "")
	a.InstanceType = b.str("InstanceType", "instance_type", "m1.small")
	a.Monitoring = b.boolean("Monitoring", "monitoring", false)
	a.EBSOptimized = b.boolean("EbsOptimized", "ebs_optimized", false)
	a.UserDataPresent = b.has("UserData")
	if a.UserDataPresent {
		b.locate("UserData", "user_data_present")
	}
	a.SecretsFound = b.userDataSecrets("UserData", "secrets_found")
	a.SecurityGroups = append(b.strs("SecurityGroupIds", "security_groups"), b.strs("SecurityGroups", "security_groups")...)
	a.SubnetID = b.str("SubnetId", "subnet_id", "")
	associate := false
	associateKnown := true
	n := b.count("NetworkInterfaces", "has_public_ip")
	for i := 0; i < n; i++ {
		p := model.Path("NetworkInterfaces", i)
		if a.SubnetID == "" && b.str(p+".DeviceIndex", "", "") == "0" {
			a.SubnetID = b.str(p+".SubnetId", "subnet_id", "")
		}
		a.SecurityGroups = append(a.SecurityGroups, b.strs(p+".GroupSet", "security_groups")...)
		if v, ok := b.get(p + ".AssociatePublicIpAddress"); ok {
			b.locate(p+".AssociatePublicIpAddress", "has_public_ip")
			if isUnknown(v) {
				associateKnown = false
			} else if asBool(v, false) {
				associate = true
			}
		}
	}
	if a.SecurityGroups == nil {
		a.SecurityGroups = []string{}
	}
	for _, sg := range a.SecurityGroups {
		b.relate(model.RelProtectedBy, sg)
	}

	// Launch template settings apply where the instance sets nothing.
	var lt *builder
	if id := b.str("LaunchTemplate.LaunchTemplateId", "", b.str("LaunchTemplate.LaunchTemplateName", "", "")); id != "" {
		if r, ok := b.t.other(id); ok && r.typ == "AWS::EC2::LaunchTemplate" {
			lt = b.reader(r)
		} else {
			b.r.MarkUnknown("metadata_options")
		}
	}
	if lt != nil {
		a.MetadataOptions = lt.metadataOptions("LaunchTemplateData.MetadataOptions", "metadata_options")
		for _, u := range lt.target.Unknown {
			b.r.MarkUnknown(u)
		}
	} else {
		a.MetadataOptions = model.MetadataOptions{HTTPEndpoint: "enabled", HTTPTokens: "optional", HTTPPutResponseHopLimit: 1}
	}
	a.BlockDevices = b.blockDevices("BlockDeviceMappings", "block_devices")
	if len(a.BlockDevices) == 0 && lt != nil {
		a.BlockDevices = lt.blockDevices("LaunchTemplateData.BlockDeviceMappings", "block_devices")
	}
	if lt != nil {
		for p, l := range lt.target.AttributeLocations {
			b.r.SetAttributeLocation(p, l)
		}
	}
	if a.IAMInstanceProfile = b.str("IamInstanceProfile", "iam_instance_profile", ""); a.IAMInstanceProfile != "" {
		if r, ok := b.t.other(a.IAMInstanceProfile); ok && r.typ == "AWS::IAM::InstanceProfile" {
			for _, role := range b.reader(r).strs("Roles", "") {
				b.relate(model.RelUsesRole, role)
			}
		}
	}

	// Public IP: an explicit network interface setting, else the subnet's
	// MapPublicIpOnLaunch; no subnet means the default VPC, whose subnets
	// map public IPs.
	switch {
	case !associateKnown:
		b.r.MarkUnknown("has_public_ip")
	case associate:
		a.HasPublicIP = true
	case n > 0 && b.hasAny("NetworkInterfaces", "AssociatePublicIpAddress"):
	case a.SubnetID == "" && !b.has("SubnetId"):
		a.HasPublicIP = true
	default:
		if r, ok := b.t.other(a.SubnetID); ok && r.typ == "AWS::EC2::Subnet" {
			sb := b.reader(r)
			a.HasPublicIP = sb.boolean("MapPublicIpOnLaunch", "has_public_ip", false)
			if len(sb.target.Unknown) > 0 {
				b.r.MarkUnknown("has_public_ip")
			}
			a.VPCID = sb.str("VpcId", "", "")
			if len(sb.target.Unknown) > 0 || (a.VPCID == "" && sb.has("VpcId")) {
				b.r.MarkUnknown("vpc_id")
			}
		} else {
			b.r.MarkUnknown("has_public_ip")
		}
	}
	if a.HasPublicIP {
		b.r.MarkUnknown("public_ip") // assigned at launch
	}
	if a.SubnetID != "" {
		b.relate(model.RelInSubnet, a.SubnetID)
		if a.VPCID == "" {
			if r, ok := b.t.other(a.SubnetID); ok && r.typ == "AWS::EC2::Subnet" {
				a.VPCID = b.reader(r).str("VpcId", "", "")
			}
		}
	}
	if a.VPCID != "" {
		b.relate(model.RelInVPC, a.VPCID)
	}
}

// hasAny reports whether any element of the list at p sets field.
func (b *builder) hasAny(p, field string) bool {
	n := b.count(p, "")
	for i := 0; i < n; i++ {
		if b.has(model.Path(p, i, field)) {
			return true
		}
	}
	return false
}
