package tfaws

import (
	"reflect"
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

func byKind(rs []*model.Resource, kind string) []*model.Resource {
	var out []*model.Resource
	for _, r := range rs {
		if r.Kind == kind {
			out = append(out, r)
		}
	}
	return out
}

func TestSecurityGroupJoinsInlineAndSplitRules(t *testing.T) {
	sg := inst("aws_security_group", "web", map[string]any{
		"name":   "web",
		"vpc_id": "vpc-1",
		"ingress": []any{map[string]any{"from_port": 443.0, "to_port": 443.0, "protocol": "tcp",
			"cidr_blocks": []any{"0.0.0.0/0"}}},
	}, nil)
	rule := inst("aws_security_group_rule", "ssh", map[string]any{"type": "ingress", "security_group_id": instance.Unknown,
		"from_port": 22.0, "to_port": 22.0, "protocol": "6", "cidr_blocks": []any{"10.0.0.0/8", instance.Unknown}},
		map[string][]string{"security_group_id": {"aws_security_group.web"}})
	rule.Range = model.Location{File: "main.tf", StartLine: 20, EndLine: 27}
	v4 := inst("aws_vpc_security_group_ingress_rule", "all", map[string]any{"security_group_id": "web",
		"ip_protocol": "-1", "cidr_ipv6": "::/0"}, nil)
	eg := inst("aws_vpc_security_group_egress_rule", "out", map[string]any{"security_group_id": "web",
		"ip_protocol": "tcp", "from_port": 443.0, "to_port": 443.0, "cidr_ipv4": "0.0.0.0/0"}, nil)
	def := inst("aws_default_security_group", "default", map[string]any{"vpc_id": "vpc-1"}, nil)

	rs := Map([]*instance.Instance{sg, rule, v4, eg, def}, model.SourceTerraform)
	sgs := byKind(rs, "aws.ec2.security_group")
	if len(sgs) != 2 {
		t.Fatalf("want 2 security groups, got %d", len(sgs))
	}
	a := sgs[0].Attributes.(*model.EC2SecurityGroup)
	want := []model.SecurityGroupRule{
		{Protocol: "tcp", FromPort: 443, ToPort: 443, CIDRBlocks: []string{"0.0.0.0/0"}},
		{Protocol: "tcp", FromPort: 22, ToPort: 22, CIDRBlocks: []string{"10.0.0.0/8"}},
		{Protocol: "-1", FromPort: -1, ToPort: -1, IPv6CIDRBlocks: []string{"::/0"}},
	}
	if !reflect.DeepEqual(a.Ingress, want) {
		t.Errorf("ingress:\n got %+v\nwant %+v", a.Ingress, want)
	}
	if len(a.Egress) != 1 || a.Egress[0].CIDRBlocks[0] != "0.0.0.0/0" || a.Egress[0].FromPort != 443 {
		t.Errorf("egress: %+v", a.Egress)
	}
	if !sgs[0].IsUnknown("ingress[1].cidr_blocks") || sgs[0].IsUnknown("ingress[0].cidr_blocks") {
		t.Errorf("unknowns: %v", sgs[0].Unknown)
	}
	if l := sgs[0].LocationOf("ingress[1].from_port"); l == nil || l.StartLine != 20 {
		t.Errorf("split rule location: %+v", l)
	}
	d := sgs[1].Attributes.(*model.EC2SecurityGroup)
	if !d.IsDefault || d.Name != "default" || len(d.Ingress)+len(d.Egress) != 0 {
		t.Errorf("default group: %+v", d)
	}
}

func TestNetworkACLEntries(t *testing.T) {
	acl := inst("aws_network_acl", "main", map[string]any{"vpc_id": "vpc-1",
		"ingress": []any{map[string]any{"rule_no": 100.0, "action": "allow", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 22.0, "to_port": 22.0}},
		"egress":  []any{map[string]any{"rule_no": 100.0, "action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0.0, "to_port": 0.0}},
	}, nil)
	rule := inst("aws_network_acl_rule", "rdp", map[string]any{"network_acl_id": "x", "rule_number": 110.0,
		"protocol": "tcp", "rule_action": "allow", "cidr_block": "0.0.0.0/0", "from_port": 3389.0, "to_port": 3389.0},
		map[string][]string{"network_acl_id": {"aws_network_acl.main"}})
	rs := Map([]*instance.Instance{acl, rule}, model.SourceTerraform)
	a := rs[0].Attributes.(*model.EC2NetworkACL)
	if len(a.Entries) != 3 || a.Entries[0].Egress || !a.Entries[1].Egress || a.Entries[2].FromPort != 3389 || a.Entries[2].Action != "allow" {
		t.Errorf("entries: %+v", a.Entries)
	}
}

func TestInstanceDefaultsAndSubnet(t *testing.T) {
	subnet := inst("aws_subnet", "pub", map[string]any{"vpc_id": "vpc-1", "map_public_ip_on_launch": true}, nil)
	role := inst("aws_iam_role", "app", map[string]any{"name": "app"}, nil)
	prof := inst("aws_iam_instance_profile", "app", map[string]any{"role": "app"}, map[string][]string{"role": {"aws_iam_role.app"}})
	vm := inst("aws_instance", "web", map[string]any{"ami": "ami-1", "subnet_id": instance.Unknown,
		"iam_instance_profile": instance.Unknown,
		"root_block_device":    []any{map[string]any{"volume_size": 20.0}},
		"ebs_block_device":     []any{map[string]any{"device_name": "/dev/sdf", "encrypted": true}}},
		map[string][]string{"subnet_id": {"aws_subnet.pub"}, "iam_instance_profile": {"aws_iam_instance_profile.app"}})
	lonely := inst("aws_instance", "lonely", map[string]any{"ami": "ami-1", "associate_public_ip_address": false,
		"metadata_options": []any{map[string]any{"http_tokens": "required"}}}, nil)

	rs := Map([]*instance.Instance{subnet, role, prof, vm, lonely}, model.SourceTerraform)
	insts := byKind(rs, "aws.ec2.instance")
	if len(insts) != 2 || len(rs) != 4 {
		t.Fatalf("want 2 instances and 4 resources (profile dropped), got %d/%d", len(insts), len(rs))
	}
	a := insts[0].Attributes.(*model.EC2Instance)
	if !a.HasPublicIP {
		t.Error("public IP from the subnet's map_public_ip_on_launch")
	}
	if a.MetadataOptions != (model.MetadataOptions{HTTPEndpoint: "enabled", HTTPTokens: "optional", HTTPPutResponseHopLimit: 1}) {
		t.Errorf("metadata defaults: %+v", a.MetadataOptions)
	}
	if len(a.BlockDevices) != 2 || !a.BlockDevices[0].Root || a.BlockDevices[0].Encrypted || !a.BlockDevices[1].Encrypted {
		t.Errorf("block devices: %+v", a.BlockDevices)
	}
	rels := map[string]string{}
	for _, r := range insts[0].Relations {
		rels[r.Type] = r.Target
	}
	if rels[model.RelInSubnet] != "main.tf:aws_subnet.pub" || rels[model.RelUsesRole] != "main.tf:aws_iam_role.app" {
		t.Errorf("relations: %+v", insts[0].Relations)
	}
	b := insts[1].Attributes.(*model.EC2Instance)
	if b.HasPublicIP || b.MetadataOptions.HTTPTokens != "required" || insts[1].IsUnknown("has_public_ip") {
		t.Errorf("explicit settings: %+v unknown=%v", b, insts[1].Unknown)
	}
}

func TestInstanceWithoutSubnetHasUnknownPublicIP(t *testing.T) {
	rs := Map([]*instance.Instance{inst("aws_instance", "x", map[string]any{"ami": "ami-1"}, nil)}, model.SourceTerraform)
	if !rs[0].IsUnknown("has_public_ip") {
		t.Errorf("default VPC placement: %v", rs[0].Unknown)
	}
}

func TestVPCFlowLogsVolumesRegion(t *testing.T) {
	vpc := inst("aws_vpc", "main", map[string]any{"cidr_block": "10.0.0.0/16"}, nil)
	other := inst("aws_vpc", "other", map[string]any{"cidr_block": "10.1.0.0/16"}, nil)
	fl := inst("aws_flow_log", "main", map[string]any{"vpc_id": instance.Unknown}, map[string][]string{"vpc_id": {"aws_vpc.main"}})
	vol := inst("aws_ebs_volume", "data", map[string]any{"size": 10.0}, nil)
	snapVol := inst("aws_ebs_volume", "restored", map[string]any{"snapshot_id": "snap-1"}, nil)
	region := inst("aws_ebs_encryption_by_default", "this", map[string]any{}, nil)
	lt := inst("aws_launch_template", "lt", map[string]any{"name": "lt",
		"block_device_mappings": []any{map[string]any{"device_name": "/dev/xvda", "ebs": []any{map[string]any{"encrypted": "true"}}}},
		"network_interfaces":    []any{map[string]any{"associate_public_ip_address": "true"}}}, nil)

	rs := Map([]*instance.Instance{vpc, other, fl, vol, snapVol, region, lt}, model.SourceTerraform)
	vpcs := byKind(rs, "aws.ec2.vpc")
	if !vpcs[0].Attributes.(*model.EC2VPC).FlowLogsEnabled || vpcs[1].Attributes.(*model.EC2VPC).FlowLogsEnabled {
		t.Error("flow log joins only its VPC")
	}
	vols := byKind(rs, "aws.ec2.volume")
	if v := vols[0].Attributes.(*model.EC2Volume); v.Encrypted || v.VolumeType != "gp2" {
		t.Errorf("volume defaults: %+v", v)
	}
	if !vols[1].IsUnknown("encrypted") {
		t.Error("volume from snapshot: encryption unknown")
	}
	reg := byKind(rs, "aws.region")[0].Attributes.(*model.AWSRegion)
	if reg.EBSEncryptionByDefault == nil || !*reg.EBSEncryptionByDefault {
		t.Errorf("ebs default encryption: %+v", reg)
	}
	l := byKind(rs, "aws.ec2.launch_template")[0].Attributes.(*model.EC2LaunchTemplate)
	if !l.HasPublicIP || !l.BlockDevices[0].Encrypted || l.MetadataOptions.HTTPTokens != "optional" {
		t.Errorf("launch template: %+v", l)
	}
}
