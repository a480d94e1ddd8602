package aws

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// ec2World is what seedEC2 created, by role.
type ec2World struct {
	loggedVPC, darkVPC, subnet string
	openSG, officeSG, allSG    string
	v1, v2                     string // instances
	plainVol, secureVol        string
	publicSnap, privateSnap    string
	publicAMI, privateAMI      string
	igw, nat, rtb, vpce        string
	idleSG, spareENI, spareIP  string
}

func nameTag(rt ec2types.ResourceType, name string) []ec2types.TagSpecification {
	return []ec2types.TagSpecification{{ResourceType: rt, Tags: []ec2types.Tag{{Key: aws.String("Name"), Value: aws.String(name)}}}}
}

// seedEC2 builds failing and passing twins in us-east-1, and turns EBS
// encryption by default on there (us-west-2 keeps it off).
func seedEC2(t *testing.T, srv *moto.Server) ec2World {
	t.Helper()
	ctx := context.Background()
	c := ec2.NewFromConfig(srv.Config(t, "us-east-1"))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var w ec2World
	vpc := func(name, cidr string) string {
		out, err := c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String(cidr), TagSpecifications: nameTag(ec2types.ResourceTypeVpc, name)})
		must(err)
		return aws.ToString(out.Vpc.VpcId)
	}
	w.loggedVPC, w.darkVPC = vpc("logged", "10.0.0.0/16"), vpc("dark", "10.1.0.0/16")
	fl, err := c.CreateFlowLogs(ctx, &ec2.CreateFlowLogsInput{ResourceIds: []string{w.loggedVPC}, ResourceType: ec2types.FlowLogsResourceTypeVpc,
		TrafficType: ec2types.TrafficTypeAll, LogGroupName: aws.String("vpc-flow"),
		DeliverLogsPermissionArn: aws.String("arn:aws:iam::123456789012:role/flow-logs")})
	must(err)
	if len(fl.Unsuccessful) > 0 {
		t.Fatalf("flow log: %+v", fl.Unsuccessful[0].Error)
	}
	sn, err := c.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: aws.String(w.loggedVPC), CidrBlock: aws.String("10.0.1.0/24"),
		AvailabilityZone: aws.String("us-east-1a"), TagSpecifications: nameTag(ec2types.ResourceTypeSubnet, "private")})
	must(err)
	w.subnet = aws.ToString(sn.Subnet.SubnetId)

	sg := func(name string, perm ec2types.IpPermission) string {
		out, err := c.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String(name),
			Description: aws.String(name + " group"), VpcId: aws.String(w.loggedVPC)})
		must(err)
		_, err = c.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: out.GroupId,
			IpPermissions: []ec2types.IpPermission{perm}})
		must(err)
		return aws.ToString(out.GroupId)
	}
	w.openSG = sg("ssh-open", ec2types.IpPermission{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(22), ToPort: aws.Int32(22),
		IpRanges: []ec2types.IpRange{{CidrIp: aws.String("0.0.0.0/0"), Description: aws.String("anyone")}}})
	w.officeSG = sg("ssh-office", ec2types.IpPermission{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(22), ToPort: aws.Int32(22),
		IpRanges: []ec2types.IpRange{{CidrIp: aws.String("10.0.0.0/8"), Description: aws.String("office")}}})
	w.allSG = sg("all-open", ec2types.IpPermission{IpProtocol: aws.String("-1"),
		IpRanges:         []ec2types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}},
		Ipv6Ranges:       []ec2types.Ipv6Range{{CidrIpv6: aws.String("::/0")}},
		UserIdGroupPairs: []ec2types.UserIdGroupPair{{GroupId: aws.String(w.officeSG), Description: aws.String("peers")}}})

	if _, err := iam.NewFromConfig(srv.Config(t, "us-east-1")).CreateInstanceProfile(ctx,
		&iam.CreateInstanceProfileInput{InstanceProfileName: aws.String("web")}); err != nil {
		t.Fatal(err)
	}
	img := func(name string) string {
		out, err := c.RegisterImage(ctx, &ec2.RegisterImageInput{Name: aws.String(name), RootDeviceName: aws.String("/dev/xvda")})
		must(err)
		return aws.ToString(out.ImageId)
	}
	w.publicAMI, w.privateAMI = img("golden-public"), img("golden-private")
	_, err = c.ModifyImageAttribute(ctx, &ec2.ModifyImageAttributeInput{ImageId: aws.String(w.publicAMI),
		LaunchPermission: &ec2types.LaunchPermissionModifications{Add: []ec2types.LaunchPermission{{Group: ec2types.PermissionGroupAll}}}})
	must(err)

	run := func(name, tokens string, encrypted bool) string {
		out, err := c.RunInstances(ctx, &ec2.RunInstancesInput{ImageId: aws.String(w.privateAMI), MinCount: aws.Int32(1), MaxCount: aws.Int32(1),
			InstanceType: ec2types.InstanceTypeT3Micro, SubnetId: aws.String(w.subnet), SecurityGroupIds: []string{w.officeSG},
			MetadataOptions: &ec2types.InstanceMetadataOptionsRequest{HttpTokens: ec2types.HttpTokensState(tokens), HttpEndpoint: ec2types.InstanceMetadataEndpointStateEnabled},
			// moto names every instance's root device /dev/sda1 whatever the
			// AMI says, so the root mapping uses that name.
			BlockDeviceMappings: []ec2types.BlockDeviceMapping{{DeviceName: aws.String("/dev/sda1"),
				Ebs: &ec2types.EbsBlockDevice{VolumeSize: aws.Int32(8), Encrypted: aws.Bool(encrypted)}}},
			Monitoring:   &ec2types.RunInstancesMonitoringEnabled{Enabled: aws.Bool(tokens == "required")},
			EbsOptimized: aws.Bool(tokens == "required"),
			UserData:     userData(tokens == "optional"),
			IamInstanceProfile: func() *ec2types.IamInstanceProfileSpecification {
				if tokens == "required" {
					return &ec2types.IamInstanceProfileSpecification{Arn: aws.String("arn:aws:iam::123456789012:instance-profile/web")}
				}
				return nil
			}(),
			TagSpecifications: nameTag(ec2types.ResourceTypeInstance, name)})
		must(err)
		return aws.ToString(out.Instances[0].InstanceId)
	}
	w.v1, w.v2 = run("imdsv1", "optional", false), run("imdsv2", "required", true)

	vol := func(name string, encrypted bool) string {
		out, err := c.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("us-east-1a"), Size: aws.Int32(10),
			Encrypted: aws.Bool(encrypted), VolumeType: ec2types.VolumeTypeGp3, TagSpecifications: nameTag(ec2types.ResourceTypeVolume, name)})
		must(err)
		return aws.ToString(out.VolumeId)
	}
	w.plainVol, w.secureVol = vol("plain", false), vol("secure", true)
	snap := func(name, volume string) string {
		out, err := c.CreateSnapshot(ctx, &ec2.CreateSnapshotInput{VolumeId: aws.String(volume), TagSpecifications: nameTag(ec2types.ResourceTypeSnapshot, name)})
		must(err)
		return aws.ToString(out.SnapshotId)
	}
	w.publicSnap, w.privateSnap = snap("public-snap", w.plainVol), snap("private-snap", w.secureVol)
	_, err = c.ModifySnapshotAttribute(ctx, &ec2.ModifySnapshotAttributeInput{SnapshotId: aws.String(w.publicSnap),
		// moto reads only the older OperationType/GroupNames form, not
		// CreateVolumePermission.Add; AWS accepts both.
		Attribute: ec2types.SnapshotAttributeNameCreateVolumePermission, OperationType: ec2types.OperationTypeAdd, GroupNames: []string{"all"}})
	must(err)

	lt := func(name string, data *ec2types.RequestLaunchTemplateData) {
		_, err := c.CreateLaunchTemplate(ctx, &ec2.CreateLaunchTemplateInput{LaunchTemplateName: aws.String(name), LaunchTemplateData: data})
		must(err)
	}
	lt("lt-v1", &ec2types.RequestLaunchTemplateData{ImageId: aws.String(w.privateAMI),
		UserData: aws.String(base64.StdEncoding.EncodeToString([]byte("#!/bin/bash\nexport GITHUB_TOKEN=" + plantedGitHubPAT + "\n")))})
	lt("lt-v2", &ec2types.RequestLaunchTemplateData{ImageId: aws.String(w.privateAMI),
		MetadataOptions: &ec2types.LaunchTemplateInstanceMetadataOptionsRequest{HttpTokens: ec2types.LaunchTemplateHttpTokensStateRequired, HttpPutResponseHopLimit: aws.Int32(2)},
		BlockDeviceMappings: []ec2types.LaunchTemplateBlockDeviceMappingRequest{{DeviceName: aws.String("/dev/xvda"),
			Ebs: &ec2types.LaunchTemplateEbsBlockDeviceRequest{Encrypted: aws.Bool(true), VolumeSize: aws.Int32(20)}}}})

	igw, err := c.CreateInternetGateway(ctx, &ec2.CreateInternetGatewayInput{TagSpecifications: nameTag(ec2types.ResourceTypeInternetGateway, "edge")})
	must(err)
	w.igw = aws.ToString(igw.InternetGateway.InternetGatewayId)
	_, err = c.AttachInternetGateway(ctx, &ec2.AttachInternetGatewayInput{InternetGatewayId: aws.String(w.igw), VpcId: aws.String(w.loggedVPC)})
	must(err)
	rtb, err := c.CreateRouteTable(ctx, &ec2.CreateRouteTableInput{VpcId: aws.String(w.loggedVPC), TagSpecifications: nameTag(ec2types.ResourceTypeRouteTable, "public-routes")})
	must(err)
	w.rtb = aws.ToString(rtb.RouteTable.RouteTableId)
	_, err = c.CreateRoute(ctx, &ec2.CreateRouteInput{RouteTableId: aws.String(w.rtb), DestinationCidrBlock: aws.String("0.0.0.0/0"), GatewayId: aws.String(w.igw)})
	must(err)
	_, err = c.AssociateRouteTable(ctx, &ec2.AssociateRouteTableInput{RouteTableId: aws.String(w.rtb), SubnetId: aws.String(w.subnet)})
	must(err)
	eip, err := c.AllocateAddress(ctx, &ec2.AllocateAddressInput{Domain: ec2types.DomainTypeVpc})
	must(err)
	nat, err := c.CreateNatGateway(ctx, &ec2.CreateNatGatewayInput{SubnetId: aws.String(w.subnet), AllocationId: eip.AllocationId,
		TagSpecifications: nameTag(ec2types.ResourceTypeNatgateway, "egress")})
	must(err)
	w.nat = aws.ToString(nat.NatGateway.NatGatewayId)
	vpce, err := c.CreateVpcEndpoint(ctx, &ec2.CreateVpcEndpointInput{VpcId: aws.String(w.loggedVPC), ServiceName: aws.String("com.amazonaws.us-east-1.s3"),
		VpcEndpointType: ec2types.VpcEndpointTypeGateway, RouteTableIds: []string{w.rtb},
		PolicyDocument:    aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::assets/*"}]}`),
		TagSpecifications: nameTag(ec2types.ResourceTypeVpcEndpoint, "s3-gw")})
	must(err)
	w.vpce = aws.ToString(vpce.VpcEndpoint.VpcEndpointId)

	// Left behind: an address allocated and never associated, an
	// interface attached to nothing (carrying all-open), a group on no
	// interface.
	spare, err := c.AllocateAddress(ctx, &ec2.AllocateAddressInput{Domain: ec2types.DomainTypeVpc,
		TagSpecifications: nameTag(ec2types.ResourceTypeElasticIp, "spare-ip")})
	must(err)
	w.spareIP = aws.ToString(spare.AllocationId)
	eni, err := c.CreateNetworkInterface(ctx, &ec2.CreateNetworkInterfaceInput{SubnetId: aws.String(w.subnet), Groups: []string{w.allSG},
		TagSpecifications: nameTag(ec2types.ResourceTypeNetworkInterface, "spare-eni")})
	must(err)
	w.spareENI = aws.ToString(eni.NetworkInterface.NetworkInterfaceId)
	w.idleSG = sg("idle", ec2types.IpPermission{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(8443), ToPort: aws.Int32(8443),
		IpRanges: []ec2types.IpRange{{CidrIp: aws.String("10.0.0.0/16")}}})

	_, err = c.EnableEbsEncryptionByDefault(ctx, &ec2.EnableEbsEncryptionByDefaultInput{})
	must(err)
	return w
}

func TestEC2AgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	w := seedEC2(t, srv)
	res := collectMoto(t, srv, []string{"ec2"}, "us-east-1", "us-west-2")
	noErrors(t, res)
	fails := failing(t, res.Resources)
	acct := moto.Account

	t.Run("security groups", func(t *testing.T) {
		sgs := byKind(res, "aws.ec2.security_group")
		open := sgs["ssh-open"]
		if open == nil {
			t.Fatalf("no ssh-open group in %v", sgs)
		}
		if open.ID != "arn:aws:ec2:us-east-1:"+acct+":security-group/"+w.openSG {
			t.Errorf("id %s", open.ID)
		}
		a := open.Attributes.(*model.EC2SecurityGroup)
		want := model.SecurityGroupRule{Protocol: "tcp", FromPort: 22, ToPort: 22, CIDRBlocks: []string{"0.0.0.0/0"},
			IPv6CIDRBlocks: []string{}, SecurityGroups: []string{}, PrefixLists: []string{}, Description: "anyone"}
		if len(a.Ingress) != 1 || !sameRule(a.Ingress[0], want) || a.VPCID != w.loggedVPC || a.IsDefault || a.Description != "ssh-open group" {
			t.Errorf("ssh-open: %+v", a)
		}
		// AWS gives every new group an allow-all egress rule.
		if len(a.Egress) != 1 || a.Egress[0].Protocol != "-1" || a.Egress[0].CIDRBlocks[0] != "0.0.0.0/0" {
			t.Errorf("egress: %+v", a.Egress)
		}
		all := sgs["all-open"].Attributes.(*model.EC2SecurityGroup)
		// One rule per description: the CIDRs (no description) and the
		// referenced group ("peers").
		if len(all.Ingress) != 2 || all.Ingress[0].Protocol != "-1" || all.Ingress[0].FromPort != 0 || all.Ingress[0].ToPort != 0 ||
			len(all.Ingress[0].IPv6CIDRBlocks) != 1 || all.Ingress[1].Description != "peers" || all.Ingress[1].SecurityGroups[0] != w.officeSG {
			t.Errorf("all-open ingress: %+v", all.Ingress)
		}
		if !fails["ssh-open"]["AWS-EC2-002"] || fails["ssh-office"]["AWS-EC2-002"] || fails["ssh-open"]["AWS-EC2-001"] {
			t.Errorf("AWS-EC2-002: open %v office %v", fails["ssh-open"], fails["ssh-office"])
		}
		if !fails["all-open"]["AWS-EC2-001"] || fails["ssh-office"]["AWS-EC2-001"] {
			t.Errorf("AWS-EC2-001: %v", fails["all-open"])
		}
		def := 0
		for _, r := range res.Resources {
			if r.Kind == "aws.ec2.security_group" && r.Attributes.(*model.EC2SecurityGroup).IsDefault {
				def++
			}
		}
		if def < 3 || !fails["default"]["AWS-EC2-006"] { // our two VPCs and moto's default VPC, per region
			t.Errorf("default groups %d, fails %v", def, fails["default"])
		}
	})

	t.Run("unused addresses, interfaces and groups", func(t *testing.T) {
		ip := byKind(res, "aws.ec2.eip")["spare-ip"]
		if ip == nil || ip.ID != "arn:aws:ec2:us-east-1:"+acct+":elastic-ip/"+w.spareIP || ip.Attributes.(*model.EC2ElasticIP).Associated {
			t.Fatalf("spare address: %+v", ip)
		}
		if !fails["spare-ip"]["AWS-EC2-025"] {
			t.Errorf("AWS-EC2-025: %v", fails["spare-ip"])
		}
		enis := byKind(res, "aws.ec2.network_interface")
		spare := enis["spare-eni"]
		if spare == nil || spare.Attributes.(*model.EC2NetworkInterface).Status != "available" || !fails["spare-eni"]["AWS-EC2-026"] {
			t.Fatalf("spare interface: %+v (fails %v)", spare, fails["spare-eni"])
		}
		attached := 0
		for name, r := range enis {
			if a := r.Attributes.(*model.EC2NetworkInterface); a.AttachedInstanceID != "" {
				attached++
				if a.Status != "in-use" || fails[name]["AWS-EC2-026"] {
					t.Errorf("attached interface %s: %+v", name, a)
				}
			}
		}
		if attached < 2 { // the two instances' primary interfaces
			t.Errorf("%d attached interfaces among %d", attached, len(enis))
		}
		sgs := byKind(res, "aws.ec2.security_group")
		for name, n := range map[string]int{"idle": 0, "all-open": 1, "ssh-office": 2} { // both instances carry ssh-office
			if a := sgs[name].Attributes.(*model.EC2SecurityGroup); a.NetworkInterfaceCount != n {
				t.Errorf("group %s on %d interfaces, want %d", name, a.NetworkInterfaceCount, n)
			}
		}
		if !fails["idle"]["AWS-EC2-027"] || fails["all-open"]["AWS-EC2-027"] || fails["ssh-office"]["AWS-EC2-027"] {
			t.Errorf("AWS-EC2-027: idle %v all-open %v office %v", fails["idle"], fails["all-open"], fails["ssh-office"])
		}
	})

	t.Run("instances", func(t *testing.T) {
		ins := byKind(res, "aws.ec2.instance")
		v1, v2 := ins["imdsv1"], ins["imdsv2"]
		if v1 == nil || v2 == nil {
			t.Fatalf("instances: %v", ins)
		}
		a1, a2 := v1.Attributes.(*model.EC2Instance), v2.Attributes.(*model.EC2Instance)
		if a1.MetadataOptions.HTTPTokens != "optional" || a2.MetadataOptions.HTTPTokens != "required" ||
			a2.MetadataOptions.HTTPEndpoint != "enabled" || a2.MetadataOptions.HTTPPutResponseHopLimit != 1 {
			t.Errorf("metadata: %+v %+v", a1.MetadataOptions, a2.MetadataOptions)
		}
		if a2.SubnetID != w.subnet || a2.VPCID != w.loggedVPC || len(a2.SecurityGroups) != 1 || a2.SecurityGroups[0] != w.officeSG ||
			a2.ImageID != w.privateAMI || a2.InstanceType != "t3.micro" || a2.State != "running" {
			t.Errorf("placement: %+v", a2)
		}
		if a2.IAMInstanceProfile != "arn:aws:iam::123456789012:instance-profile/web" || a1.IAMInstanceProfile != "" {
			t.Errorf("profile: %q %q", a1.IAMInstanceProfile, a2.IAMInstanceProfile)
		}
		if !a2.Monitoring || a1.Monitoring || !a2.EBSOptimized || a1.EBSOptimized || a2.UserDataPresent || !a1.UserDataPresent {
			t.Errorf("flags: %+v / %+v", a1, a2)
		}
		// imdsv1's user data is gzip-compressed, with an access key on line 3.
		if len(a1.SecretsFound) != 1 || a1.SecretsFound[0] != (model.SecretFinding{Kind: "aws-access-token", Location: "user data line 3"}) || len(a2.SecretsFound) != 0 {
			t.Errorf("instance secrets: %+v / %+v", a1.SecretsFound, a2.SecretsFound)
		}
		if !fails["imdsv1"]["AWS-SECRET-001"] || fails["imdsv2"]["AWS-SECRET-001"] {
			t.Errorf("AWS-SECRET-001: %v / %v", fails["imdsv1"], fails["imdsv2"])
		}
		if b, _ := json.Marshal(v1); strings.Contains(string(b), plantedAccessKeyID) {
			t.Errorf("the instance's resource carries its user data: %s", b)
		}
		if a1.HasPublicIP != (a1.PublicIP != "") {
			t.Errorf("public ip: %+v", a1)
		}
		if len(a1.BlockDevices) != 1 || a1.BlockDevices[0].Encrypted || !a1.BlockDevices[0].Root || a1.BlockDevices[0].DeviceName != "/dev/sda1" ||
			len(a2.BlockDevices) != 1 || !a2.BlockDevices[0].Encrypted || a2.BlockDevices[0].VolumeSize != 8 {
			t.Errorf("block devices: %+v / %+v", a1.BlockDevices, a2.BlockDevices)
		}
		if v2.ID != "arn:aws:ec2:us-east-1:"+acct+":instance/"+w.v2 || !hasRel(v2, model.RelInSubnet, "arn:aws:ec2:us-east-1:"+acct+":subnet/"+w.subnet) ||
			!hasRel(v2, model.RelProtectedBy, "arn:aws:ec2:us-east-1:"+acct+":security-group/"+w.officeSG) || v2.Tags["Name"] != "imdsv2" {
			t.Errorf("identity: %+v", v2)
		}
		if !fails["imdsv1"]["AWS-EC2-007"] || fails["imdsv2"]["AWS-EC2-007"] {
			t.Errorf("AWS-EC2-007: %v / %v", fails["imdsv1"], fails["imdsv2"])
		}
		if !fails["imdsv1"]["AWS-EC2-010"] || fails["imdsv2"]["AWS-EC2-010"] {
			t.Errorf("AWS-EC2-010: %v / %v", fails["imdsv1"], fails["imdsv2"])
		}
	})

	t.Run("volumes and snapshots", func(t *testing.T) {
		vols := byKind(res, "aws.ec2.volume")
		plain, secure := vols["plain"], vols["secure"]
		if plain == nil || secure == nil {
			t.Fatalf("volumes: %v", vols)
		}
		if a := secure.Attributes.(*model.EC2Volume); !a.Encrypted || a.Size != 10 || a.VolumeType != "gp3" || a.AvailabilityZone != "us-east-1a" {
			t.Errorf("secure: %+v", a)
		}
		if plain.Attributes.(*model.EC2Volume).Encrypted || plain.ID != "arn:aws:ec2:us-east-1:"+acct+":volume/"+w.plainVol {
			t.Errorf("plain: %+v", plain)
		}
		if !fails["plain"]["AWS-EC2-009"] || fails["secure"]["AWS-EC2-009"] {
			t.Errorf("AWS-EC2-009: %v / %v", fails["plain"], fails["secure"])
		}
		snaps := byKind(res, "aws.ec2.snapshot")
		pub, priv := snaps["public-snap"], snaps["private-snap"]
		if pub == nil || priv == nil {
			t.Fatalf("snapshots: %v", snaps)
		}
		pa, qa := pub.Attributes.(*model.EC2Snapshot), priv.Attributes.(*model.EC2Snapshot)
		if !pa.Public || pa.Encrypted || pa.VolumeID != w.plainVol || qa.Public || !qa.Encrypted {
			t.Errorf("snapshots: %+v %+v", pa, qa)
		}
		if pub.ID != "arn:aws:ec2:us-east-1::snapshot/"+w.publicSnap {
			t.Errorf("snapshot id %s", pub.ID)
		}
		fails := failing(t, []*model.Resource{pub, priv})
		for _, id := range []string{"AWS-EC2-020", "AWS-EC2-021"} {
			if !fails["public-snap"][id] || fails["private-snap"][id] {
				t.Errorf("%s: public-snap %v, private-snap %v", id, fails["public-snap"], fails["private-snap"])
			}
		}
	})

	t.Run("images and launch templates", func(t *testing.T) {
		ims := byKind(res, "aws.ec2.image")
		if ims["golden-public"] == nil || !ims["golden-public"].Attributes.(*model.EC2Image).Public ||
			ims["golden-private"] == nil || ims["golden-private"].Attributes.(*model.EC2Image).Public {
			t.Errorf("images: %v", ims)
		} else if fails := failing(t, []*model.Resource{ims["golden-public"], ims["golden-private"]}); !fails["golden-public"]["AWS-EC2-022"] || fails["golden-private"]["AWS-EC2-022"] {
			t.Errorf("AWS-EC2-022: golden-public %v, golden-private %v", fails["golden-public"], fails["golden-private"])
		}
		lts := byKind(res, "aws.ec2.launch_template")
		if lts["lt-v1"] == nil || lts["lt-v2"] == nil {
			t.Fatalf("launch templates: %v", lts)
		}
		a1, a2 := lts["lt-v1"].Attributes.(*model.EC2LaunchTemplate), lts["lt-v2"].Attributes.(*model.EC2LaunchTemplate)
		if a1.MetadataOptions != (model.MetadataOptions{HTTPEndpoint: "enabled", HTTPTokens: "optional", HTTPPutResponseHopLimit: 1}) ||
			a2.MetadataOptions.HTTPTokens != "required" || a2.MetadataOptions.HTTPPutResponseHopLimit != 2 ||
			len(a2.BlockDevices) != 1 || !a2.BlockDevices[0].Encrypted || a2.BlockDevices[0].VolumeSize != 20 {
			t.Errorf("launch templates: %+v / %+v", a1, a2)
		}
		if len(a1.SecretsFound) != 1 || a1.SecretsFound[0] != (model.SecretFinding{Kind: "github-pat", Location: "user data line 2"}) || len(a2.SecretsFound) != 0 {
			t.Errorf("launch template secrets: %+v / %+v", a1.SecretsFound, a2.SecretsFound)
		}
		if !fails["lt-v1"]["AWS-SECRET-002"] || fails["lt-v2"]["AWS-SECRET-002"] {
			t.Errorf("AWS-SECRET-002: %v / %v", fails["lt-v1"], fails["lt-v2"])
		}
		if b, _ := json.Marshal(lts["lt-v1"]); strings.Contains(string(b), plantedGitHubPAT) || strings.Contains(string(b), base64.StdEncoding.EncodeToString([]byte("#!/bin/bash"))[:8]) {
			t.Errorf("the launch template's resource carries its user data: %s", b)
		}
		if !fails["lt-v1"]["AWS-EC2-007"] || fails["lt-v2"]["AWS-EC2-007"] {
			t.Errorf("AWS-EC2-007 on templates: %v / %v", fails["lt-v1"], fails["lt-v2"])
		}
	})

	t.Run("vpcs, subnets, network ACLs", func(t *testing.T) {
		vpcs := byKind(res, "aws.ec2.vpc")
		logged, dark := vpcs["logged"], vpcs["dark"]
		if logged == nil || dark == nil {
			t.Fatalf("vpcs: %v", vpcs)
		}
		if a := logged.Attributes.(*model.EC2VPC); !a.FlowLogsEnabled || a.CIDRBlock != "10.0.0.0/16" || a.IsDefault {
			t.Errorf("logged: %+v", a)
		}
		if dark.Attributes.(*model.EC2VPC).FlowLogsEnabled {
			t.Errorf("dark has flow logs")
		}
		if !fails["dark"]["AWS-EC2-012"] || fails["logged"]["AWS-EC2-012"] {
			t.Errorf("AWS-EC2-012: %v / %v", fails["dark"], fails["logged"])
		}
		defaults := 0
		for _, r := range res.Resources {
			if r.Kind == "aws.ec2.vpc" && r.Attributes.(*model.EC2VPC).IsDefault {
				defaults++
			}
		}
		if defaults != 2 { // moto's default VPC in each region
			t.Errorf("default vpcs: %d", defaults)
		}
		sn := byKind(res, "aws.ec2.subnet")["private"]
		if sn == nil {
			t.Fatal("no subnet")
		}
		if a := sn.Attributes.(*model.EC2Subnet); a.VPCID != w.loggedVPC || a.CIDRBlock != "10.0.1.0/24" || a.AvailabilityZone != "us-east-1a" || a.MapPublicIPOnLaunch {
			t.Errorf("subnet: %+v", a)
		}
		var acl *model.EC2NetworkACL
		for _, r := range res.Resources {
			if r.Kind == "aws.ec2.network_acl" && r.Attributes.(*model.EC2NetworkACL).VPCID == w.loggedVPC {
				acl = r.Attributes.(*model.EC2NetworkACL)
				// The VPC's subnets start on its default ACL.
				if !slices.Contains(acl.Subnets, w.subnet) || !hasRel(r, model.RelAssociatedWith, "arn:aws:ec2:us-east-1:"+acct+":subnet/"+w.subnet) {
					t.Errorf("ACL associations: %v %+v", acl.Subnets, r.Relations)
				}
			}
		}
		// A new VPC's default ACL allows everything both ways (rule 100);
		// the fixed catch-all deny (32767) is left out, as in Terraform.
		if acl == nil || !acl.IsDefault || len(acl.Entries) != 2 || acl.Entries[0] != (model.NetworkACLRule{RuleNumber: 100, Protocol: "-1",
			Action: "allow", CIDRBlock: "0.0.0.0/0"}) || !acl.Entries[1].Egress {
			t.Errorf("network acl: %+v", acl)
		}
	})

	t.Run("routing", func(t *testing.T) {
		rtb := byKind(res, "aws.ec2.route_table")["public-routes"]
		if rtb == nil {
			t.Fatal("no route table")
		}
		ra := rtb.Attributes.(*model.EC2RouteTable)
		var toIGW *model.EC2Route
		for i, r := range ra.Routes {
			if r.DestinationCIDR == "0.0.0.0/0" {
				toIGW = &ra.Routes[i]
			}
		}
		if ra.VPCID != w.loggedVPC || ra.IsMain || len(ra.Subnets) != 1 || ra.Subnets[0] != w.subnet || toIGW == nil ||
			toIGW.TargetType != "internet_gateway" || toIGW.Target != w.igw || ra.Routes[0].TargetType != "local" {
			t.Errorf("route table: %+v", ra)
		}
		if !hasRel(rtb, model.RelRoutesTo, "arn:aws:ec2:us-east-1:"+acct+":internet-gateway/"+w.igw) ||
			!hasRel(rtb, model.RelAssociatedWith, "arn:aws:ec2:us-east-1:"+acct+":subnet/"+w.subnet) {
			t.Errorf("routes_to: %+v", rtb.Relations)
		}
		igw := byKind(res, "aws.ec2.internet_gateway")["edge"]
		if igw == nil || len(igw.Attributes.(*model.EC2InternetGateway).VPCIDs) != 1 || igw.Attributes.(*model.EC2InternetGateway).VPCIDs[0] != w.loggedVPC {
			t.Errorf("internet gateway: %+v", igw)
		}
		nat := byKind(res, "aws.ec2.nat_gateway")["egress"]
		if nat == nil {
			t.Fatal("no nat gateway")
		}
		if na := nat.Attributes.(*model.EC2NATGateway); na.SubnetID != w.subnet || na.VPCID != w.loggedVPC || na.ConnectivityType != "public" || len(na.PublicIPs) != 1 {
			t.Errorf("nat gateway: %+v", na)
		}
		ep := byKind(res, "aws.ec2.vpc_endpoint")["s3-gw"]
		if ep == nil {
			t.Fatal("no vpc endpoint")
		}
		if ea := ep.Attributes.(*model.EC2VPCEndpoint); ea.ServiceName != "com.amazonaws.us-east-1.s3" || ea.Type != "Gateway" ||
			len(ea.RouteTables) != 1 || ea.RouteTables[0] != w.rtb || ea.Policy == nil || ea.Policy.Statements[0].Actions[0] != "s3:GetObject" {
			t.Errorf("vpc endpoint: %+v", ea)
		}
	})

	t.Run("EBS encryption by default", func(t *testing.T) {
		regions := map[string]*model.AWSRegion{}
		for _, r := range res.Resources {
			if r.Kind == "aws.region" {
				regions[r.Region] = r.Attributes.(*model.AWSRegion)
			}
		}
		east, west := regions["us-east-1"], regions["us-west-2"]
		if east == nil || west == nil || east.EBSEncryptionByDefault == nil || !*east.EBSEncryptionByDefault ||
			west.EBSEncryptionByDefault == nil || *west.EBSEncryptionByDefault {
			t.Fatalf("regions: %+v %+v", east, west)
		}
		if fails["us-east-1"]["AWS-EC2-011"] || !fails["us-west-2"]["AWS-EC2-011"] {
			t.Errorf("AWS-EC2-011: %v / %v", fails["us-east-1"], fails["us-west-2"])
		}
	})
}

func sameRule(a, b model.SecurityGroupRule) bool {
	eq := func(x, y []string) bool {
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if x[i] != y[i] {
				return false
			}
		}
		return true
	}
	return a.Protocol == b.Protocol && a.FromPort == b.FromPort && a.ToPort == b.ToPort && a.Description == b.Description &&
		eq(a.CIDRBlocks, b.CIDRBlocks) && eq(a.IPv6CIDRBlocks, b.IPv6CIDRBlocks) && eq(a.SecurityGroups, b.SecurityGroups) && eq(a.PrefixLists, b.PrefixLists)
}

func hasRel(r *model.Resource, typ, target string) bool {
	for _, rel := range r.Relations {
		if rel.Type == typ && rel.Target == target {
			return true
		}
	}
	return false
}

// Planted secrets: shaped like real ones, valid nowhere.
const (
	plantedAccessKeyID = "AKIAZ7VRSQ5TLWJRXQ4M"
	plantedGitHubPAT   = "ghp_4eK9aQ2mZ7xP1rT8vW3nB6cY0dF5gH2jL9sR"
)

// userData is the base64 of a gzip-compressed script with an access key,
// as RunInstances takes it (the SDK does not encode it), or nil.
func userData(leaky bool) *string {
	if !leaky {
		return nil
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte("#!/bin/bash\nyum install -y jq\nexport AWS_ACCESS_KEY_ID=" + plantedAccessKeyID + "\n"))
	zw.Close()
	return aws.String(base64.StdEncoding.EncodeToString(z.Bytes()))
}
