package tfaws

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// EC2 and VPC: security groups (with their inline and split rules), network
// ACLs, instances, launch templates, EBS volumes, VPCs with their flow logs,
// subnets, and the region's EBS encryption default.
func init() {
	sgTypes := []string{"aws_security_group", "aws_default_security_group"}
	registerParent("aws_security_group", model.KindEC2SecurityGroup, func(b *Builder) { mapSecurityGroup(b, false) })
	registerParent("aws_default_security_group", model.KindEC2SecurityGroup, func(b *Builder) { mapSecurityGroup(b, true) })
	registerChild("aws_security_group_rule", "security_group_id", sgTypes, func(p *Builder, c *Child) {
		a := model.KindEC2SecurityGroup.Must(p.R)
		egress := c.String("type", "", "ingress") == "egress"
		field, n := "ingress", len(a.Ingress)
		if egress {
			field, n = "egress", len(a.Egress)
		}
		base := model.Path(field, n)
		r := readSGRule(c, "", base)
		if s := c.String("source_security_group_id", base+".security_groups", ""); s != "" {
			r.SecurityGroups = append(r.SecurityGroups, s)
		}
		if c.Bool("self", "", false) {
			r.SecurityGroups = append(r.SecurityGroups, "self")
		}
		locateBlock(c, base)
		if egress {
			a.Egress = append(a.Egress, r)
		} else {
			a.Ingress = append(a.Ingress, r)
		}
	})
	vpcRule := func(egress bool) func(p *Builder, c *Child) {
		return func(p *Builder, c *Child) {
			a := model.KindEC2SecurityGroup.Must(p.R)
			field, n := "ingress", len(a.Ingress)
			if egress {
				field, n = "egress", len(a.Egress)
			}
			base := model.Path(field, n)
			r := model.SecurityGroupRule{
				Protocol:    model.NormalizeProtocol(c.String("ip_protocol", base+".protocol", "-1")),
				FromPort:    c.Int("from_port", base+".from_port", 0),
				ToPort:      c.Int("to_port", base+".to_port", 0),
				Description: c.String("description", base+".description", ""),
			}
			if r.Protocol == "-1" && !c.Has("from_port") {
				r.FromPort, r.ToPort = -1, -1
			}
			if s := c.String("cidr_ipv4", base+".cidr_blocks", ""); s != "" {
				r.CIDRBlocks = []string{s}
			}
			if s := c.String("cidr_ipv6", base+".ipv6_cidr_blocks", ""); s != "" {
				r.IPv6CIDRBlocks = []string{s}
			}
			if s := c.String("referenced_security_group_id", base+".security_groups", ""); s != "" {
				r.SecurityGroups = []string{s}
			}
			if s := c.String("prefix_list_id", base+".prefix_lists", ""); s != "" {
				r.PrefixLists = []string{s}
			}
			locateBlock(c, base)
			if egress {
				a.Egress = append(a.Egress, r)
			} else {
				a.Ingress = append(a.Ingress, r)
			}
		}
	}
	registerChild("aws_vpc_security_group_ingress_rule", "security_group_id", sgTypes, vpcRule(false))
	registerChild("aws_vpc_security_group_egress_rule", "security_group_id", sgTypes, vpcRule(true))

	naclTypes := []string{"aws_network_acl", "aws_default_network_acl"}
	registerParent("aws_network_acl", model.KindEC2NetworkACL, func(b *Builder) { mapNetworkACL(b, false) })
	registerParent("aws_default_network_acl", model.KindEC2NetworkACL, func(b *Builder) { mapNetworkACL(b, true) })
	registerChild("aws_network_acl_rule", "network_acl_id", naclTypes, func(p *Builder, c *Child) {
		a := model.KindEC2NetworkACL.Must(p.R)
		base := model.Path("entries", len(a.Entries))
		e := model.NetworkACLRule{
			RuleNumber:    c.Int("rule_number", base+".rule_number", 0),
			Egress:        c.Bool("egress", base+".egress", false),
			Protocol:      model.NormalizeProtocol(c.String("protocol", base+".protocol", "")),
			Action:        strings.ToLower(c.String("rule_action", base+".action", "")),
			CIDRBlock:     c.String("cidr_block", base+".cidr_block", ""),
			IPv6CIDRBlock: c.String("ipv6_cidr_block", base+".ipv6_cidr_block", ""),
			FromPort:      c.Int("from_port", base+".from_port", 0),
			ToPort:        c.Int("to_port", base+".to_port", 0),
		}
		locateBlock(c, base)
		a.Entries = append(a.Entries, e)
	})

	registerParent("aws_instance", model.KindEC2Instance, mapInstance)
	registerParent("aws_launch_template", model.KindEC2LaunchTemplate, mapLaunchTemplate)
	registerParent("aws_ebs_volume", model.KindEC2Volume, func(b *Builder) {
		a := model.KindEC2Volume.Must(b.R)
		a.Encrypted = b.Bool("encrypted", "encrypted", false)
		if !b.Has("encrypted") && b.Has("snapshot_id") {
			// A volume from a snapshot inherits the snapshot's encryption.
			b.R.MarkUnknown("encrypted")
		}
		a.KMSKeyID = b.String("kms_key_id", "kms_key_id", "")
		a.Size = b.Int("size", "size", 0)
		a.VolumeType = b.String("type", "volume_type", "gp2")
		a.AvailabilityZone = b.String("availability_zone", "availability_zone", "")
	})

	vpcTypes := []string{"aws_vpc", "aws_default_vpc"}
	registerParent("aws_vpc", model.KindEC2VPC, func(b *Builder) {
		a := model.KindEC2VPC.Must(b.R)
		a.CIDRBlock = b.String("cidr_block", "cidr_block", "")
	})
	registerParent("aws_default_vpc", model.KindEC2VPC, func(b *Builder) {
		a := model.KindEC2VPC.Must(b.R)
		a.IsDefault = true
		a.CIDRBlock = b.String("cidr_block", "cidr_block", "")
	})
	registerChild("aws_flow_log", "vpc_id", vpcTypes, func(p *Builder, c *Child) {
		model.KindEC2VPC.Must(p.R).FlowLogsEnabled = true
		locateBlock(c, "flow_logs_enabled")
	})

	registerParent("aws_subnet", model.KindEC2Subnet, func(b *Builder) { mapSubnet(b, false) })
	registerParent("aws_default_subnet", model.KindEC2Subnet, func(b *Builder) { mapSubnet(b, true) })

	registerParent("aws_ebs_encryption_by_default", model.KindAWSRegion, func(b *Builder) {
		a := model.KindAWSRegion.Must(b.R)
		enabled := b.Bool("enabled", "ebs_encryption_by_default", true)
		if !b.R.IsUnknown("ebs_encryption_by_default") {
			a.EBSEncryptionByDefault = &enabled
		}
	})

	// Block public access for EBS snapshots and AMIs: region-wide settings,
	// state required in both resources.
	registerParent("aws_ebs_snapshot_block_public_access", model.KindAWSRegion, func(b *Builder) {
		state := b.String("state", "ebs_snapshot_block_public_access", "")
		if !b.R.IsUnknown("ebs_snapshot_block_public_access") && state != "" {
			model.KindAWSRegion.Must(b.R).EBSSnapshotBlockPublicAccess = &state
		}
	})
	registerParent("aws_ec2_image_block_public_access", model.KindAWSRegion, func(b *Builder) {
		state := b.String("state", "ami_block_public_access", "")
		if !b.R.IsUnknown("ami_block_public_access") && state != "" {
			model.KindAWSRegion.Must(b.R).AMIBlockPublicAccess = &state
		}
	})

	// Instance profiles are not a kind of their own; they are kept long
	// enough for instances to find the role behind them.
	registerHelper("aws_iam_instance_profile", func(b *Builder) { b.drop = true })
	finishers = append(finishers, finishInstances)
}

func mapSecurityGroup(b *Builder, isDefault bool) {
	a := model.KindEC2SecurityGroup.Must(b.R)
	a.IsDefault = isDefault
	// What attaches the group (an instance, a load balancer, a function
	// ...) may be declared anywhere, in this configuration or another.
	b.R.MarkUnknown("network_interface_count")
	a.Name = b.String("name", "name", "")
	if isDefault {
		a.Name = "default"
	} else if a.Name == "" && !b.Has("name") {
		// name_prefix or a generated name: not known before apply.
		b.R.MarkUnknown("name")
	}
	if a.Name != "" {
		b.R.Name = a.Name
	}
	if isDefault {
		// Not an argument of aws_default_security_group: the group keeps
		// the description AWS gave it.
		a.Description = "default VPC security group"
	} else {
		a.Description = b.String("description", "description", "Managed by Terraform")
	}
	a.VPCID = b.String("vpc_id", "vpc_id", "")
	// Terraform removes AWS's default allow-all egress rule unless it is
	// declared, so the declared blocks are the whole rule set.
	for i := range b.Blocks("ingress") {
		a.Ingress = append(a.Ingress, readInlineSGRule(b, model.Path("ingress", i)))
	}
	for i := range b.Blocks("egress") {
		a.Egress = append(a.Egress, readInlineSGRule(b, model.Path("egress", i)))
	}
}

func readInlineSGRule(b *Builder, base string) model.SecurityGroupRule {
	r := readSGRule(b, base, base)
	if b.Bool(base+".self", "", false) {
		r.SecurityGroups = append(r.SecurityGroups, "self")
	}
	b.locate(base, base)
	return r
}

// readSGRule reads the fields that aws_security_group inline blocks and
// aws_security_group_rule share; tf is the Terraform prefix ("" or
// "ingress[0]"), base the model path of the rule.
func readSGRule(b *Builder, tf, base string) model.SecurityGroupRule {
	return model.SecurityGroupRule{
		Protocol:       model.NormalizeProtocol(b.String(tfJoin(tf, "protocol"), base+".protocol", "")),
		FromPort:       b.Int(tfJoin(tf, "from_port"), base+".from_port", 0),
		ToPort:         b.Int(tfJoin(tf, "to_port"), base+".to_port", 0),
		CIDRBlocks:     b.Strings(tfJoin(tf, "cidr_blocks"), base+".cidr_blocks"),
		IPv6CIDRBlocks: b.Strings(tfJoin(tf, "ipv6_cidr_blocks"), base+".ipv6_cidr_blocks"),
		SecurityGroups: b.Strings(tfJoin(tf, "security_groups"), base+".security_groups"),
		PrefixLists:    b.Strings(tfJoin(tf, "prefix_list_ids"), base+".prefix_lists"),
		Description:    b.String(tfJoin(tf, "description"), base+".description", ""),
	}
}

func mapNetworkACL(b *Builder, isDefault bool) {
	a := model.KindEC2NetworkACL.Must(b.R)
	a.IsDefault = isDefault
	a.VPCID = b.String("vpc_id", "vpc_id", "")
	for _, dir := range []string{"ingress", "egress"} {
		for i := range b.Blocks(dir) {
			tf := model.Path(dir, i)
			base := model.Path("entries", len(a.Entries))
			a.Entries = append(a.Entries, model.NetworkACLRule{
				RuleNumber:    b.Int(tf+".rule_no", base+".rule_number", 0),
				Egress:        dir == "egress",
				Protocol:      model.NormalizeProtocol(b.String(tf+".protocol", base+".protocol", "")),
				Action:        strings.ToLower(b.String(tf+".action", base+".action", "")),
				CIDRBlock:     b.String(tf+".cidr_block", base+".cidr_block", ""),
				IPv6CIDRBlock: b.String(tf+".ipv6_cidr_block", base+".ipv6_cidr_block", ""),
				FromPort:      b.Int(tf+".from_port", base+".from_port", 0),
				ToPort:        b.Int(tf+".to_port", base+".to_port", 0),
			})
			b.locate(tf, base)
		}
	}
}

func mapInstance(b *Builder) {
	a := model.KindEC2Instance.Must(b.R)
	a.InstanceType = b.String("instance_type", "instance_type", "")
	a.ImageID = b.String("ami", "image_id", "")
	a.State = b.String("instance_state", "state", "running")
	a.SubnetID = b.String("subnet_id", "subnet_id", "")
	a.SecurityGroups = append(b.Strings("vpc_security_group_ids", "security_groups"), b.Strings("security_groups", "security_groups")...)
	a.PublicIP = b.String("public_ip", "public_ip", "")
	if b.Has("associate_public_ip_address") {
		a.HasPublicIP = b.Bool("associate_public_ip_address", "has_public_ip", false)
	}
	// Otherwise the subnet decides; see finishInstances.
	a.IAMInstanceProfile = b.String("iam_instance_profile", "iam_instance_profile", "")
	a.MetadataOptions = readMetadataOptions(b, "metadata_options[0]")
	if b.Has("root_block_device") {
		a.BlockDevices = append(a.BlockDevices, readBlockDevice(b, "root_block_device[0]", "block_devices[0]", true))
	}
	for i := range b.Blocks("ebs_block_device") {
		tf := model.Path("ebs_block_device", i)
		a.BlockDevices = append(a.BlockDevices, readBlockDevice(b, tf, model.Path("block_devices", len(a.BlockDevices)), false))
	}
	a.Monitoring = b.Bool("monitoring", "monitoring", false)
	a.EBSOptimized = b.Bool("ebs_optimized", "ebs_optimized", false)
	a.UserDataPresent = b.Has("user_data") || b.Has("user_data_base64")
	a.SecretsFound = userDataSecrets(b, "secrets_found", "user_data", "user_data_base64")
}

// readMetadataOptions applies the provider defaults: endpoint enabled,
// tokens optional (IMDSv1 allowed), hop limit 1.
func readMetadataOptions(b *Builder, tf string) model.MetadataOptions {
	return model.MetadataOptions{
		HTTPEndpoint:            b.String(tf+".http_endpoint", "metadata_options.http_endpoint", "enabled"),
		HTTPTokens:              b.String(tf+".http_tokens", "metadata_options.http_tokens", "optional"),
		HTTPPutResponseHopLimit: b.Int(tf+".http_put_response_hop_limit", "metadata_options.http_put_response_hop_limit", 1),
	}
}

func readBlockDevice(b *Builder, tf, base string, root bool) model.BlockDevice {
	d := model.BlockDevice{
		DeviceName: b.String(tf+".device_name", base+".device_name", ""),
		Root:       root,
		Encrypted:  b.Bool(tf+".encrypted", base+".encrypted", false),
		KMSKeyID:   b.String(tf+".kms_key_id", base+".kms_key_id", ""),
		VolumeSize: b.Int(tf+".volume_size", base+".volume_size", 0),
	}
	if !b.Has(tf+".encrypted") && b.Has(tf+".snapshot_id") {
		b.Target().MarkUnknown(base + ".encrypted")
	}
	b.locate(tf, base)
	return d
}

func mapLaunchTemplate(b *Builder) {
	a := model.KindEC2LaunchTemplate.Must(b.R)
	a.Name = b.String("name", "name", "")
	if a.Name != "" {
		b.R.Name = a.Name
	}
	a.MetadataOptions = readMetadataOptions(b, "metadata_options[0]")
	a.SecretsFound = userDataSecrets(b, "secrets_found", "user_data")
	for i := range b.Blocks("block_device_mappings") {
		tf := model.Path("block_device_mappings", i)
		base := model.Path("block_devices", len(a.BlockDevices))
		// Launch template EBS flags are tri-state strings ("true"/"false").
		a.BlockDevices = append(a.BlockDevices, model.BlockDevice{
			DeviceName: b.String(tf+".device_name", base+".device_name", ""),
			Encrypted:  b.Bool(tf+".ebs[0].encrypted", base+".encrypted", false),
			KMSKeyID:   b.String(tf+".ebs[0].kms_key_id", base+".kms_key_id", ""),
			VolumeSize: b.Int(tf+".ebs[0].volume_size", base+".volume_size", 0),
		})
		b.locate(tf, base)
	}
	for i := range b.Blocks("network_interfaces") {
		if b.Bool(model.Path("network_interfaces", i)+".associate_public_ip_address", "has_public_ip", false) {
			a.HasPublicIP = true
		}
	}
}

func mapSubnet(b *Builder, isDefault bool) {
	a := model.KindEC2Subnet.Must(b.R)
	a.VPCID = b.String("vpc_id", "vpc_id", "")
	a.CIDRBlock = b.String("cidr_block", "cidr_block", "")
	a.AvailabilityZone = b.String("availability_zone", "availability_zone", "")
	// Default subnets assign public IPs; other subnets don't unless asked.
	a.MapPublicIPOnLaunch = b.Bool("map_public_ip_on_launch", "map_public_ip_on_launch", isDefault)
}

// finishInstances resolves what an instance gets from its subnet (a public
// IP when associate_public_ip_address is unset) and from its instance
// profile (the role it runs as).
func finishInstances(all []*Builder) {
	byAddr := map[string]*Builder{}
	for _, b := range all {
		byAddr[b.In.Module+"|"+b.In.BaseAddress()] = b
	}
	ref := func(b *Builder, attr string, types ...string) *Builder {
		for _, r := range b.In.Refs[attr] {
			if p := byAddr[b.In.Module+"|"+r]; p != nil {
				for _, t := range types {
					if p.In.Type == t {
						return p
					}
				}
			}
		}
		return nil
	}
	for _, b := range all {
		if b.In.Type != "aws_instance" {
			continue
		}
		a := model.KindEC2Instance.Must(b.R)
		subnet := ref(b, "subnet_id", "aws_subnet", "aws_default_subnet")
		if subnet != nil {
			// The subnet's id is not known before apply: name it by its
			// resource id, as the relation does.
			a.SubnetID = subnet.R.ID
			b.R.Relations = append(b.R.Relations, model.Relation{Type: model.RelInSubnet, Target: subnet.R.ID})
		} else if a.SubnetID != "" {
			b.R.Relations = append(b.R.Relations, model.Relation{Type: model.RelInSubnet, Target: a.SubnetID})
		}
		if !b.Has("associate_public_ip_address") {
			if subnet != nil && !subnet.R.IsUnknown("map_public_ip_on_launch") {
				a.HasPublicIP = model.KindEC2Subnet.Must(subnet.R).MapPublicIPOnLaunch
			} else {
				b.R.MarkUnknown("has_public_ip")
			}
		}
		if prof := ref(b, "iam_instance_profile", "aws_iam_instance_profile"); prof != nil {
			if role := ref(prof, "role", "aws_iam_role"); role != nil {
				b.R.Relations = append(b.R.Relations, model.Relation{Type: model.RelUsesRole, Target: role.R.ID})
			} else if s, ok := prof.In.Values["role"].(string); ok && s != "" {
				b.R.Relations = append(b.R.Relations, model.Relation{Type: model.RelUsesRole, Target: s})
			}
		}
	}
}

func tfJoin(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// locateBlock records the block of b (a joined child, typically) as the
// location of modelPath on the resource being built.
func locateBlock(b *Builder, modelPath string) {
	l := b.In.Range
	if l.File == "" {
		l.File = b.In.File
	}
	b.Target().SetAttributeLocation(modelPath, l)
}
