package aws

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/smithy-go"

	"github.com/vigil-sec/vigil/model"
)

// ec2Fragment is the ec2 fragment's world, its us-east-1 EC2 world, and a
// call in that account and region (for the answers' filled-in defaults).
func ec2Fragment(t *testing.T) (*World, *ec2World, *call) {
	t.Helper()
	w := fragmentWorld(t, "ec2")
	acct := w.Account(fragmentAccount)
	return w, acct.worldOf("ec2", "us-east-1").(*ec2World), &call{account: acct, region: "us-east-1"}
}

func ec2Code(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return fmt.Sprint(err)
}

// Every operation the collector calls decodes through the SDK's own client
// into exactly the world's values.
func TestEC2RoundTrip(t *testing.T) {
	w, ew, c := ec2Fragment(t)
	cfg, _ := testCloud(t, w)
	cl := ec2.NewFromConfig(cfg)
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}

	ebs, err := cl.GetEbsEncryptionByDefault(ctx, &ec2.GetEbsEncryptionByDefaultInput{})
	must(err)
	ebsEU, err := cl.GetEbsEncryptionByDefault(ctx, &ec2.GetEbsEncryptionByDefaultInput{}, func(o *ec2.Options) { o.Region = "eu-west-1" })
	must(err)
	if aws.ToBool(ebs.EbsEncryptionByDefault) || !aws.ToBool(ebsEU.EbsEncryptionByDefault) {
		t.Errorf("EBS default encryption: us-east-1 %v, eu-west-1 %v", aws.ToBool(ebs.EbsEncryptionByDefault), aws.ToBool(ebsEU.EbsEncryptionByDefault))
	}

	regions, err := cl.DescribeRegions(ctx, &ec2.DescribeRegionsInput{})
	must(err)
	if len(regions.Regions) != 2 || aws.ToString(regions.Regions[1].RegionName) != "eu-west-1" {
		t.Errorf("regions: %+v", regions.Regions)
	}

	ins, err := cl.DescribeInstances(ctx, &ec2.DescribeInstancesInput{})
	must(err)
	var got []ec2types.Instance
	for _, r := range ins.Reservations {
		if aws.ToString(r.OwnerId) != fragmentAccount || len(r.Instances) != 1 ||
			aws.ToString(r.ReservationId)[2:] != aws.ToString(r.Instances[0].InstanceId)[2:] {
			t.Errorf("reservation %+v", r)
		}
		got = append(got, r.Instances...)
	}
	sameJSON(t, "instances", got, ew.Instances)

	vols, err := cl.DescribeVolumes(ctx, &ec2.DescribeVolumesInput{})
	must(err)
	sameJSON(t, "volumes", vols.Volumes, ew.Volumes)

	// Snapshots: every visible one without an owner filter; the account's
	// own (OwnerId filled in) with owner self.
	snaps, err := cl.DescribeSnapshots(ctx, &ec2.DescribeSnapshotsInput{})
	must(err)
	var wantSnaps []ec2types.Snapshot
	for _, s := range ec2Owned(c, ew.Snapshots) {
		wantSnaps = append(wantSnaps, s.Snapshot)
	}
	sameJSON(t, "snapshots", snaps.Snapshots, wantSnaps)
	own, err := cl.DescribeSnapshots(ctx, &ec2.DescribeSnapshotsInput{OwnerIds: []string{"self"}})
	must(err)
	sameJSON(t, "own snapshots", own.Snapshots, wantSnaps[:3])
	if aws.ToString(own.Snapshots[0].OwnerId) != fragmentAccount {
		t.Errorf("snapshot owner not filled in: %v", own.Snapshots[0].OwnerId)
	}
	for _, s := range ew.Snapshots {
		a, err := cl.DescribeSnapshotAttribute(ctx, &ec2.DescribeSnapshotAttributeInput{SnapshotId: s.SnapshotId, Attribute: ec2types.SnapshotAttributeNameCreateVolumePermission})
		must(err)
		sameJSON(t, "createVolumePermission of "+aws.ToString(s.SnapshotId), a.CreateVolumePermissions, s.CreateVolumePermissions)
	}

	// AMIs: Public answered from the launch permission where unset.
	ims, err := cl.DescribeImages(ctx, &ec2.DescribeImagesInput{Owners: []string{"self"}})
	must(err)
	var wantIms []ec2types.Image
	for _, im := range ec2Owned(c, ew.Images)[:3] {
		im.Public = aws.Bool(slices.Contains(im.LaunchPermissions, ec2types.LaunchPermission{Group: ec2types.PermissionGroupAll}))
		wantIms = append(wantIms, im.Image)
	}
	sameJSON(t, "own images", ims.Images, wantIms)
	for _, im := range ew.Images[:3] {
		a, err := cl.DescribeImageAttribute(ctx, &ec2.DescribeImageAttributeInput{ImageId: im.ImageId, Attribute: ec2types.ImageAttributeNameLaunchPermission})
		must(err)
		sameJSON(t, "launchPermission of "+aws.ToString(im.ImageId), a.LaunchPermissions, im.LaunchPermissions)
	}
	desc, err := cl.DescribeImageAttribute(ctx, &ec2.DescribeImageAttributeInput{ImageId: ew.Images[1].ImageId, Attribute: ec2types.ImageAttributeNameDescription})
	must(err)
	if aws.ToString(desc.Description.Value) != "web tier golden image" {
		t.Errorf("image description: %+v", desc.Description)
	}

	sgs, err := cl.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{})
	must(err)
	wantSGs := ec2Owned(c, ew.SecurityGroups)
	for i := range wantSGs {
		wantSGs[i].SecurityGroupArn = aws.String("arn:aws:ec2:us-east-1:111111111111:security-group/" + aws.ToString(wantSGs[i].GroupId))
	}
	sameJSON(t, "security groups", sgs.SecurityGroups, wantSGs)

	vpcs, err := cl.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{})
	must(err)
	sameJSON(t, "vpcs", vpcs.Vpcs, ec2Owned(c, ew.Vpcs))
	if aws.ToString(vpcs.Vpcs[0].OwnerId) != fragmentAccount {
		t.Errorf("vpc owner not filled in: %v", vpcs.Vpcs[0].OwnerId)
	}

	subnets, err := cl.DescribeSubnets(ctx, &ec2.DescribeSubnetsInput{})
	must(err)
	wantSubnets := ec2Owned(c, ew.Subnets)
	for i := range wantSubnets {
		wantSubnets[i].SubnetArn = aws.String("arn:aws:ec2:us-east-1:111111111111:subnet/" + aws.ToString(wantSubnets[i].SubnetId))
	}
	sameJSON(t, "subnets", subnets.Subnets, wantSubnets)

	fls, err := cl.DescribeFlowLogs(ctx, &ec2.DescribeFlowLogsInput{})
	must(err)
	sameJSON(t, "flow logs", fls.FlowLogs, ew.FlowLogs)

	igws, err := cl.DescribeInternetGateways(ctx, &ec2.DescribeInternetGatewaysInput{})
	must(err)
	sameJSON(t, "internet gateways", igws.InternetGateways, ec2Owned(c, ew.InternetGateways))

	nats, err := cl.DescribeNatGateways(ctx, &ec2.DescribeNatGatewaysInput{})
	must(err)
	sameJSON(t, "NAT gateways", nats.NatGateways, ew.NatGateways)

	acls, err := cl.DescribeNetworkAcls(ctx, &ec2.DescribeNetworkAclsInput{})
	must(err)
	sameJSON(t, "network ACLs", acls.NetworkAcls, ec2Owned(c, ew.NetworkAcls))

	rtbs, err := cl.DescribeRouteTables(ctx, &ec2.DescribeRouteTablesInput{})
	must(err)
	sameJSON(t, "route tables", rtbs.RouteTables, ec2Owned(c, ew.RouteTables))

	vpces, err := cl.DescribeVpcEndpoints(ctx, &ec2.DescribeVpcEndpointsInput{})
	must(err)
	sameJSON(t, "VPC endpoints", vpces.VpcEndpoints, ec2Owned(c, ew.VpcEndpoints))

	// Launch templates: version numbers from the template or its versions;
	// $Default is version 2 of web, with its template filled in.
	lts, err := cl.DescribeLaunchTemplates(ctx, &ec2.DescribeLaunchTemplatesInput{})
	must(err)
	web, legacy := ew.LaunchTemplates[0].LaunchTemplate, ew.LaunchTemplates[1].LaunchTemplate
	web.LatestVersionNumber = aws.Int64(3)
	legacy.DefaultVersionNumber, legacy.LatestVersionNumber = aws.Int64(1), aws.Int64(1)
	sameJSON(t, "launch templates", lts.LaunchTemplates, []ec2types.LaunchTemplate{web, legacy})
	def, err := cl.DescribeLaunchTemplateVersions(ctx, &ec2.DescribeLaunchTemplateVersionsInput{LaunchTemplateId: web.LaunchTemplateId, Versions: []string{"$Default"}})
	must(err)
	want := ew.LaunchTemplates[0].Versions[1]
	want.LaunchTemplateId, want.LaunchTemplateName, want.DefaultVersion = web.LaunchTemplateId, web.LaunchTemplateName, aws.Bool(true)
	sameJSON(t, "default version", def.LaunchTemplateVersions, []ec2types.LaunchTemplateVersion{want})
	latest, err := cl.DescribeLaunchTemplateVersions(ctx, &ec2.DescribeLaunchTemplateVersionsInput{Versions: []string{"$Latest"}})
	must(err)
	if len(latest.LaunchTemplateVersions) != 2 || aws.ToInt64(latest.LaunchTemplateVersions[0].VersionNumber) != 3 ||
		aws.ToBool(latest.LaunchTemplateVersions[0].DefaultVersion) || !aws.ToBool(latest.LaunchTemplateVersions[1].DefaultVersion) {
		t.Errorf("every template's $Latest: %+v", latest.LaunchTemplateVersions)
	}
}

// The selections the API offers: ids, owners, users, filters.
func TestEC2Selection(t *testing.T) {
	w, _, _ := ec2Fragment(t)
	cfg, _ := testCloud(t, w)
	cl := ec2.NewFromConfig(cfg)
	ctx := context.Background()
	f := func(name string, values ...string) []ec2types.Filter {
		return []ec2types.Filter{{Name: aws.String(name), Values: values}}
	}

	in, err := cl.DescribeInstances(ctx, &ec2.DescribeInstancesInput{InstanceIds: []string{"i-0a1b2c3d4e5f60002"}})
	if err != nil || len(in.Reservations) != 1 || aws.ToString(in.Reservations[0].Instances[0].PublicIpAddress) != "54.210.10.10" {
		t.Errorf("instance by id: %v %+v", err, in)
	}
	running, err := cl.DescribeInstances(ctx, &ec2.DescribeInstancesInput{Filters: f("instance-state-name", "running")})
	if err != nil || len(running.Reservations) != 2 {
		t.Errorf("running instances: %v %d", err, len(running.Reservations))
	}
	tagged, err := cl.DescribeInstances(ctx, &ec2.DescribeInstancesInput{Filters: append(f("tag:Name", "web-*"), f("metadata-options.http-tokens", "required")...)})
	if err != nil || len(tagged.Reservations) != 1 || aws.ToString(tagged.Reservations[0].Instances[0].InstanceId) != "i-0a1b2c3d4e5f60001" {
		t.Errorf("tag and IMDS filters: %v %+v", err, tagged)
	}
	subnets, err := cl.DescribeSubnets(ctx, &ec2.DescribeSubnetsInput{Filters: f("vpc-id", "vpc-0a1b2c3d4e5f60001")})
	if err != nil || len(subnets.Subnets) != 2 {
		t.Errorf("subnets of the VPC: %v %+v", err, subnets)
	}
	mains, err := cl.DescribeRouteTables(ctx, &ec2.DescribeRouteTablesInput{Filters: f("association.main", "true")})
	if err != nil || len(mains.RouteTables) != 2 {
		t.Errorf("main route tables: %v %+v", err, mains)
	}
	sgs, err := cl.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{GroupNames: []string{"db"}})
	if err != nil || len(sgs.SecurityGroups) != 1 || aws.ToString(sgs.SecurityGroups[0].GroupId) != "sg-0a1b2c3d4e5f60003" {
		t.Errorf("group by name: %v %+v", err, sgs)
	}
	amazon, err := cl.DescribeImages(ctx, &ec2.DescribeImagesInput{Owners: []string{"amazon"}})
	if err != nil || len(amazon.Images) != 1 || aws.ToString(amazon.Images[0].ImageId) != "ami-0f0e0d0c0b0a00001" {
		t.Errorf("amazon's images: %v %+v", err, amazon)
	}
	public, err := cl.DescribeImages(ctx, &ec2.DescribeImagesInput{Owners: []string{"self"}, ExecutableUsers: []string{"all"}})
	if err != nil || len(public.Images) != 1 || aws.ToString(public.Images[0].ImageId) != "ami-0a1b2c3d4e5f60002" {
		t.Errorf("own public images: %v %+v", err, public)
	}
	enc, err := cl.DescribeSnapshots(ctx, &ec2.DescribeSnapshotsInput{OwnerIds: []string{fragmentAccount}, Filters: f("encrypted", "true")})
	if err != nil || len(enc.Snapshots) != 1 || aws.ToString(enc.Snapshots[0].SnapshotId) != "snap-0a1b2c3d4e5f60002" {
		t.Errorf("encrypted own snapshots: %v %+v", err, enc)
	}
	// The other account sees what is public or shared with it, not the rest.
	other := ec2.NewFromConfig(cfg, func(o *ec2.Options) {
		o.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKIAMEMBER000000001", SecretAccessKey: "x"}, nil
		})
	})
	shared, err := other.DescribeSnapshots(ctx, &ec2.DescribeSnapshotsInput{})
	if err != nil || len(shared.Snapshots) != 0 {
		t.Errorf("account 222222222222 has no EC2 world of its own: %v %+v", err, shared)
	}
}

// Missing resources and bad parameters get EC2's own error codes.
func TestEC2Errors(t *testing.T) {
	w, _, _ := ec2Fragment(t)
	cfg, _ := testCloud(t, w)
	cl := ec2.NewFromConfig(cfg)
	ctx := context.Background()
	for code, call := range map[string]func() error{
		"InvalidInstanceID.NotFound": func() error {
			_, err := cl.DescribeInstances(ctx, &ec2.DescribeInstancesInput{InstanceIds: []string{"i-0000000000000dead"}})
			return err
		},
		"InvalidParameterCombination": func() error {
			_, err := cl.DescribeInstances(ctx, &ec2.DescribeInstancesInput{InstanceIds: []string{"i-0a1b2c3d4e5f60001"}, MaxResults: aws.Int32(5)})
			return err
		},
		"InvalidVolume.NotFound": func() error {
			_, err := cl.DescribeVolumes(ctx, &ec2.DescribeVolumesInput{VolumeIds: []string{"vol-0000000000000dead"}})
			return err
		},
		"InvalidSnapshot.NotFound": func() error {
			_, err := cl.DescribeSnapshotAttribute(ctx, &ec2.DescribeSnapshotAttributeInput{SnapshotId: aws.String("snap-0000000000000dead"), Attribute: ec2types.SnapshotAttributeNameCreateVolumePermission})
			return err
		},
		"InvalidAMIID.NotFound": func() error {
			_, err := cl.DescribeImageAttribute(ctx, &ec2.DescribeImageAttributeInput{ImageId: aws.String("ami-0000000000000dead"), Attribute: ec2types.ImageAttributeNameLaunchPermission})
			return err
		},
		"InvalidParameterValue": func() error {
			_, err := cl.DescribeImageAttribute(ctx, &ec2.DescribeImageAttributeInput{ImageId: aws.String("ami-0a1b2c3d4e5f60001"), Attribute: "colour"})
			return err
		},
		"InvalidGroup.NotFound": func() error {
			_, err := cl.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{GroupIds: []string{"sg-0000000000000dead"}})
			return err
		},
		"InvalidVpcID.NotFound": func() error {
			_, err := cl.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{VpcIds: []string{"vpc-0000000000000dead"}})
			return err
		},
		"InvalidSubnetID.NotFound": func() error {
			_, err := cl.DescribeSubnets(ctx, &ec2.DescribeSubnetsInput{SubnetIds: []string{"subnet-0000000000000dead"}})
			return err
		},
		"InvalidRouteTableID.NotFound": func() error {
			_, err := cl.DescribeRouteTables(ctx, &ec2.DescribeRouteTablesInput{RouteTableIds: []string{"rtb-0000000000000dead"}})
			return err
		},
		"NatGatewayNotFound": func() error {
			_, err := cl.DescribeNatGateways(ctx, &ec2.DescribeNatGatewaysInput{NatGatewayIds: []string{"nat-0000000000000dead"}})
			return err
		},
		"InvalidLaunchTemplateId.NotFound": func() error {
			_, err := cl.DescribeLaunchTemplateVersions(ctx, &ec2.DescribeLaunchTemplateVersionsInput{LaunchTemplateId: aws.String("lt-0000000000000dead"), Versions: []string{"$Default"}})
			return err
		},
		"InvalidLaunchTemplateId.VersionNotFound": func() error {
			_, err := cl.DescribeLaunchTemplateVersions(ctx, &ec2.DescribeLaunchTemplateVersionsInput{LaunchTemplateName: aws.String("web"), Versions: []string{"9"}})
			return err
		},
		"InvalidLaunchTemplateName.NotFoundException": func() error {
			_, err := cl.DescribeLaunchTemplates(ctx, &ec2.DescribeLaunchTemplatesInput{LaunchTemplateNames: []string{"nope"}})
			return err
		},
		"InvalidPaginationToken": func() error {
			_, err := cl.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{MaxResults: aws.Int32(5), NextToken: aws.String("bogus")})
			return err
		},
	} {
		if got := ec2Code(call()); got != code {
			t.Errorf("%s: got %s", code, got)
		}
	}
	_, err := cl.DescribeSubnets(ctx, &ec2.DescribeSubnetsInput{Filters: []ec2types.Filter{{Name: aws.String("colour"), Values: []string{"red"}}}})
	if ec2Code(err) != "InvalidParameterValue" {
		t.Errorf("unknown filter: %v", err)
	}
	_, err = cl.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{MaxResults: aws.Int32(4)})
	if ec2Code(err) != "InvalidParameterValue" {
		t.Errorf("MaxResults below 5: %v", err)
	}
	_, err = cl.DescribeRouteTables(ctx, &ec2.DescribeRouteTablesInput{MaxResults: aws.Int32(101)})
	if ec2Code(err) != "InvalidParameterValue" {
		t.Errorf("MaxResults above 100: %v", err)
	}
}

// ec2BigWorld holds n of every listed kind (and a template of n versions),
// with ids in order.
func ec2BigWorld(n int) *ec2World {
	b := &ec2World{}
	id := func(prefix string, i int) *string { return aws.String(fmt.Sprintf("%s-%017x", prefix, i)) }
	b.LaunchTemplates = []ec2LaunchTemplate{{LaunchTemplate: ec2types.LaunchTemplate{LaunchTemplateId: id("lt", 0), LaunchTemplateName: aws.String("many")}}}
	for i := range n {
		b.Instances = append(b.Instances, ec2types.Instance{InstanceId: id("i", i), State: &ec2types.InstanceState{Name: ec2types.InstanceStateNameRunning}})
		b.Volumes = append(b.Volumes, ec2types.Volume{VolumeId: id("vol", i)})
		b.Snapshots = append(b.Snapshots, ec2Snapshot{Snapshot: ec2types.Snapshot{SnapshotId: id("snap", i)}})
		b.Images = append(b.Images, ec2Image{Image: ec2types.Image{ImageId: id("ami", i)}})
		b.SecurityGroups = append(b.SecurityGroups, ec2types.SecurityGroup{GroupId: id("sg", i), GroupName: aws.String(fmt.Sprint("g", i))})
		b.Vpcs = append(b.Vpcs, ec2types.Vpc{VpcId: id("vpc", i)})
		b.Subnets = append(b.Subnets, ec2types.Subnet{SubnetId: id("subnet", i)})
		b.FlowLogs = append(b.FlowLogs, ec2types.FlowLog{FlowLogId: id("fl", i), ResourceId: id("vpc", i)})
		b.NetworkAcls = append(b.NetworkAcls, ec2types.NetworkAcl{NetworkAclId: id("acl", i)})
		b.RouteTables = append(b.RouteTables, ec2types.RouteTable{RouteTableId: id("rtb", i)})
		b.InternetGateways = append(b.InternetGateways, ec2types.InternetGateway{InternetGatewayId: id("igw", i)})
		b.NatGateways = append(b.NatGateways, ec2types.NatGateway{NatGatewayId: id("nat", i), State: ec2types.NatGatewayStateAvailable})
		b.VpcEndpoints = append(b.VpcEndpoints, ec2types.VpcEndpoint{VpcEndpointId: id("vpce", i)})
		if i > 0 {
			b.LaunchTemplates = append(b.LaunchTemplates, ec2LaunchTemplate{LaunchTemplate: ec2types.LaunchTemplate{LaunchTemplateId: id("lt", i), LaunchTemplateName: aws.String(fmt.Sprint("lt", i))}})
		}
		b.LaunchTemplates[0].Versions = append(b.LaunchTemplates[0].Versions, ec2types.LaunchTemplateVersion{VersionNumber: aws.Int64(int64(i + 1))})
	}
	return b
}

// Every listing pages with MaxResults and NextToken, in order, over more
// than one page; without MaxResults EC2 answers everything at once.
func TestEC2Pagination(t *testing.T) {
	const n = 12
	w := fragmentWorld(t, "ec2")
	w.Account(fragmentAccount).Set("us-east-1", "ec2", ec2BigWorld(n))
	cfg, _ := testCloud(t, w)
	cl := ec2.NewFromConfig(cfg)
	ctx := context.Background()
	five := aws.Int32(5)

	all := func(what, prefix string, call func(next *string) ([]*string, *string, error)) {
		t.Helper()
		var ids []string
		var next *string
		pages := 0
		for {
			got, nt, err := call(next)
			if err != nil {
				t.Fatalf("%s page %d: %v", what, pages+1, err)
			}
			pages++
			for _, id := range got {
				ids = append(ids, aws.ToString(id))
			}
			if nt == nil {
				break
			}
			next = nt
		}
		var want []string
		for i := range n {
			want = append(want, fmt.Sprintf("%s-%017x", prefix, i))
		}
		if pages != 3 || !slices.Equal(ids, want) {
			t.Errorf("%s: %d pages, ids %v", what, pages, ids)
		}
	}
	all("instances", "i", func(nt *string) ([]*string, *string, error) {
		o, err := cl.DescribeInstances(ctx, &ec2.DescribeInstancesInput{MaxResults: five, NextToken: nt})
		if err != nil {
			return nil, nil, err
		}
		var ids []*string
		for _, r := range o.Reservations {
			ids = append(ids, r.Instances[0].InstanceId)
		}
		return ids, o.NextToken, nil
	})
	pick := func(items any, field string) []*string {
		v := reflect.ValueOf(items)
		var ids []*string
		for i := range v.Len() {
			ids = append(ids, v.Index(i).FieldByName(field).Interface().(*string))
		}
		return ids
	}
	all("volumes", "vol", func(nt *string) ([]*string, *string, error) {
		o, err := cl.DescribeVolumes(ctx, &ec2.DescribeVolumesInput{MaxResults: five, NextToken: nt})
		if err != nil {
			return nil, nil, err
		}
		return pick(o.Volumes, "VolumeId"), o.NextToken, nil
	})
	all("snapshots", "snap", func(nt *string) ([]*string, *string, error) {
		o, err := cl.DescribeSnapshots(ctx, &ec2.DescribeSnapshotsInput{OwnerIds: []string{"self"}, MaxResults: five, NextToken: nt})
		if err != nil {
			return nil, nil, err
		}
		return pick(o.Snapshots, "SnapshotId"), o.NextToken, nil
	})
	all("images", "ami", func(nt *string) ([]*string, *string, error) {
		o, err := cl.DescribeImages(ctx, &ec2.DescribeImagesInput{Owners: []string{"self"}, MaxResults: five, NextToken: nt})
		if err != nil {
			return nil, nil, err
		}
		return pick(o.Images, "ImageId"), o.NextToken, nil
	})
	all("security groups", "sg", func(nt *string) ([]*string, *string, error) {
		o, err := cl.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{MaxResults: five, NextToken: nt})
		if err != nil {
			return nil, nil, err
		}
		return pick(o.SecurityGroups, "GroupId"), o.NextToken, nil
	})
	all("vpcs", "vpc", func(nt *string) ([]*string, *string, error) {
		o, err := cl.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{MaxResults: five, NextToken: nt})
		if err != nil {
			return nil, nil, err
		}
		return pick(o.Vpcs, "VpcId"), o.NextToken, nil
	})
	all("subnets", "subnet", func(nt *string) ([]*string, *string, error) {
		o, err := cl.DescribeSubnets(ctx, &ec2.DescribeSubnetsInput{MaxResults: five, NextToken: nt})
		if err != nil {
			return nil, nil, err
		}
		return pick(o.Subnets, "SubnetId"), o.NextToken, nil
	})
	all("flow logs", "fl", func(nt *string) ([]*string, *string, error) {
		o, err := cl.DescribeFlowLogs(ctx, &ec2.DescribeFlowLogsInput{MaxResults: five, NextToken: nt})
		if err != nil {
			return nil, nil, err
		}
		return pick(o.FlowLogs, "FlowLogId"), o.NextToken, nil
	})
	all("network ACLs", "acl", func(nt *string) ([]*string, *string, error) {
		o, err := cl.DescribeNetworkAcls(ctx, &ec2.DescribeNetworkAclsInput{MaxResults: five, NextToken: nt})
		if err != nil {
			return nil, nil, err
		}
		return pick(o.NetworkAcls, "NetworkAclId"), o.NextToken, nil
	})
	all("route tables", "rtb", func(nt *string) ([]*string, *string, error) {
		o, err := cl.DescribeRouteTables(ctx, &ec2.DescribeRouteTablesInput{MaxResults: five, NextToken: nt})
		if err != nil {
			return nil, nil, err
		}
		return pick(o.RouteTables, "RouteTableId"), o.NextToken, nil
	})
	all("internet gateways", "igw", func(nt *string) ([]*string, *string, error) {
		o, err := cl.DescribeInternetGateways(ctx, &ec2.DescribeInternetGatewaysInput{MaxResults: five, NextToken: nt})
		if err != nil {
			return nil, nil, err
		}
		return pick(o.InternetGateways, "InternetGatewayId"), o.NextToken, nil
	})
	all("NAT gateways", "nat", func(nt *string) ([]*string, *string, error) {
		o, err := cl.DescribeNatGateways(ctx, &ec2.DescribeNatGatewaysInput{MaxResults: five, NextToken: nt})
		if err != nil {
			return nil, nil, err
		}
		return pick(o.NatGateways, "NatGatewayId"), o.NextToken, nil
	})
	all("VPC endpoints", "vpce", func(nt *string) ([]*string, *string, error) {
		o, err := cl.DescribeVpcEndpoints(ctx, &ec2.DescribeVpcEndpointsInput{MaxResults: five, NextToken: nt})
		if err != nil {
			return nil, nil, err
		}
		return pick(o.VpcEndpoints, "VpcEndpointId"), o.NextToken, nil
	})
	all("launch templates", "lt", func(nt *string) ([]*string, *string, error) {
		o, err := cl.DescribeLaunchTemplates(ctx, &ec2.DescribeLaunchTemplatesInput{MaxResults: five, NextToken: nt})
		if err != nil {
			return nil, nil, err
		}
		return pick(o.LaunchTemplates, "LaunchTemplateId"), o.NextToken, nil
	})
	var versions []int64
	p := ec2.NewDescribeLaunchTemplateVersionsPaginator(cl, &ec2.DescribeLaunchTemplateVersionsInput{LaunchTemplateName: aws.String("many"), MaxResults: five})
	for p.HasMorePages() {
		o, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range o.LaunchTemplateVersions {
			versions = append(versions, aws.ToInt64(v.VersionNumber))
		}
	}
	if len(versions) != n || versions[n-1] != n {
		t.Errorf("launch template versions: %v", versions)
	}

	// The collector, which sends no MaxResults, reads them all in one page.
	res, srv := collect(t, w, "ec2")
	if len(res.Errors) > 0 || len(srv.Stats().Unhandled) > 0 {
		t.Fatalf("errors %v unhandled %v", res.Errors, srv.Stats().Unhandled)
	}
	inUS := map[string]int{}
	for _, r := range res.Resources {
		if r.Region == "us-east-1" {
			inUS[r.Kind]++
		}
	}
	for _, k := range []string{"aws.ec2.instance", "aws.ec2.volume", "aws.ec2.snapshot", "aws.ec2.image", "aws.ec2.vpc", "aws.ec2.launch_template"} {
		if inUS[k] != n {
			t.Errorf("%s: %d collected, want %d", k, inUS[k], n)
		}
	}

	// No MaxResults: one page of everything. Above a clamping bound the
	// bound holds.
	one, err := cl.DescribeVolumes(ctx, &ec2.DescribeVolumesInput{})
	if err != nil || len(one.Volumes) != n || one.NextToken != nil {
		t.Errorf("volumes without MaxResults: %v %d %v", err, len(one.Volumes), one.NextToken)
	}
	big := ec2BigWorld(501)
	w.Account(fragmentAccount).Set("us-east-1", "ec2", big)
	clamped, err := cl.DescribeVolumes(ctx, &ec2.DescribeVolumesInput{MaxResults: aws.Int32(1000)})
	if err != nil || len(clamped.Volumes) != 500 || clamped.NextToken == nil {
		t.Errorf("DescribeVolumes clamps MaxResults to 500: %v %d", err, len(clamped.Volumes))
	}
}

// The real collector reads the fragment with no errors and no unserved
// operation, and Vigil's model carries the world's settings.
func TestEC2Collector(t *testing.T) {
	w, _, _ := ec2Fragment(t)
	res := collectClean(t, w, "ec2")
	kinds := byKind(res.Resources)
	get := func(kind, name string) *model.Resource {
		t.Helper()
		r := kinds[kind][name]
		if r == nil {
			t.Fatalf("no %s %q among %d", kind, name, len(kinds[kind]))
		}
		return r
	}
	for kind, n := range map[string]int{"aws.ec2.instance": 2, "aws.ec2.volume": 3, "aws.ec2.snapshot": 3, "aws.ec2.image": 3,
		"aws.ec2.security_group": 5, "aws.ec2.network_acl": 2, "aws.ec2.network_interface": 4, "aws.ec2.eip": 2, "aws.ec2.vpc": 3, "aws.ec2.subnet": 3, "aws.ec2.route_table": 3,
		"aws.ec2.internet_gateway": 3, "aws.ec2.nat_gateway": 1, "aws.ec2.vpc_endpoint": 2, "aws.ec2.launch_template": 2} {
		if len(kinds[kind]) != n {
			t.Errorf("%s: %d resources, want %d", kind, len(kinds[kind]), n)
		}
	}

	if r := get("aws.region", "us-east-1").Attributes.(*model.AWSRegion); r.EBSEncryptionByDefault == nil || *r.EBSEncryptionByDefault {
		t.Errorf("us-east-1 EBS default encryption: %v", r.EBSEncryptionByDefault)
	}
	if r := get("aws.region", "eu-west-1").Attributes.(*model.AWSRegion); r.EBSEncryptionByDefault == nil || !*r.EBSEncryptionByDefault {
		t.Errorf("eu-west-1 EBS default encryption: %v", r.EBSEncryptionByDefault)
	}

	for region, want := range map[string][2]string{"us-east-1": {"block-new-sharing", "unblocked"}, "eu-west-1": {"block-all-sharing", "block-new-sharing"}} {
		r := get("aws.region", region).Attributes.(*model.AWSRegion)
		if r.EBSSnapshotBlockPublicAccess == nil || *r.EBSSnapshotBlockPublicAccess != want[0] || r.AMIBlockPublicAccess == nil || *r.AMIBlockPublicAccess != want[1] {
			t.Errorf("%s block public access: snapshots %v, AMIs %v; want %v", region, r.EBSSnapshotBlockPublicAccess, r.AMIBlockPublicAccess, want)
		}
	}

	web := get("aws.ec2.instance", "web-1")
	if a := web.Attributes.(*model.EC2Instance); a.MetadataOptions.HTTPTokens != "required" || a.HasPublicIP ||
		a.IAMInstanceProfile != "arn:aws:iam::111111111111:instance-profile/web-app" || !a.Monitoring || !a.EBSOptimized ||
		len(a.BlockDevices) != 1 || !a.BlockDevices[0].Encrypted || !a.BlockDevices[0].Root || a.BlockDevices[0].VolumeSize != 20 ||
		!slices.Equal(a.SecurityGroups, []string{"sg-0a1b2c3d4e5f60002"}) {
		t.Errorf("web-1: %+v", a)
	}
	if web.ID != "arn:aws:ec2:us-east-1:111111111111:instance/i-0a1b2c3d4e5f60001" {
		t.Errorf("web-1 id %s", web.ID)
	}
	if a := get("aws.ec2.instance", "bastion").Attributes.(*model.EC2Instance); a.MetadataOptions.HTTPTokens != "optional" ||
		!a.HasPublicIP || a.PublicIP != "54.210.10.10" || a.IAMInstanceProfile != "" || a.BlockDevices[0].Encrypted {
		t.Errorf("bastion: %+v", a)
	}
	if a := get("aws.ec2.volume", "orphaned-data").Attributes.(*model.EC2Volume); a.Encrypted || a.Size != 100 || a.VolumeType != "st1" {
		t.Errorf("orphaned volume: %+v", a)
	}

	ssh := get("aws.ec2.security_group", "bastion-ssh").Attributes.(*model.EC2SecurityGroup)
	if len(ssh.Ingress) != 2 || ssh.Ingress[0].FromPort != 22 || !slices.Equal(ssh.Ingress[0].CIDRBlocks, []string{"0.0.0.0/0"}) ||
		!slices.Equal(ssh.Ingress[1].IPv6CIDRBlocks, []string{"::/0"}) {
		t.Errorf("open SSH group: %+v", ssh.Ingress)
	}
	db := get("aws.ec2.security_group", "db").Attributes.(*model.EC2SecurityGroup)
	if len(db.Ingress) != 2 || !slices.Equal(db.Ingress[0].CIDRBlocks, []string{"10.0.0.0/16"}) || !slices.Equal(db.Ingress[1].PrefixLists, []string{"pl-0a1b2c3d4e5f60001"}) {
		t.Errorf("closed db group: %+v", db.Ingress)
	}
	if a := get("aws.ec2.security_group", "default").Attributes.(*model.EC2SecurityGroup); !a.IsDefault || a.Ingress[0].SecurityGroups[0] != "sg-0a1b2c3d4e5f60004" {
		t.Errorf("default group: %+v", a)
	}

	for name, n := range map[string]int{"web": 2, "bastion-ssh": 1, "db": 1, "default": 0, "legacy-admin": 0} {
		if a := get("aws.ec2.security_group", name).Attributes.(*model.EC2SecurityGroup); a.NetworkInterfaceCount != n {
			t.Errorf("group %s on %d interfaces, want %d", name, a.NetworkInterfaceCount, n)
		}
	}
	if a := get("aws.ec2.network_interface", "old-web-eni").Attributes.(*model.EC2NetworkInterface); a.Status != "available" ||
		a.AttachedInstanceID != "" || !slices.Equal(a.SecurityGroups, []string{"sg-0a1b2c3d4e5f60002"}) {
		t.Errorf("left-over interface: %+v", a)
	}
	endpoint := get("aws.ec2.network_interface", "eni-0a1b2c3d4e5f60041")
	if a := endpoint.Attributes.(*model.EC2NetworkInterface); a.Status != "in-use" || !a.RequesterManaged || a.InterfaceType != "vpc_endpoint" {
		t.Errorf("endpoint interface: %+v", a)
	}
	if endpoint.ID != "arn:aws:ec2:us-east-1:111111111111:network-interface/eni-0a1b2c3d4e5f60041" {
		t.Errorf("interface id %s", endpoint.ID)
	}
	if a := get("aws.ec2.network_interface", "eni-0a1b2c3d4e5f60001").Attributes.(*model.EC2NetworkInterface); a.AttachedInstanceID != "i-0a1b2c3d4e5f60001" {
		t.Errorf("web-1's interface: %+v", a)
	}
	bip := get("aws.ec2.eip", "bastion-ip")
	if a := bip.Attributes.(*model.EC2ElasticIP); !a.Associated || a.InstanceID != "i-0a1b2c3d4e5f60002" || a.PublicIP != "54.210.10.10" || a.Domain != "vpc" {
		t.Errorf("bastion address: %+v", a)
	}
	if bip.ID != "arn:aws:ec2:us-east-1:111111111111:elastic-ip/eipalloc-0a1b2c3d4e5f60001" {
		t.Errorf("address id %s", bip.ID)
	}
	if a := get("aws.ec2.eip", "54.210.20.20").Attributes.(*model.EC2ElasticIP); a.Associated || a.AllocationID != "eipalloc-0a1b2c3d4e5f60002" {
		t.Errorf("spare address: %+v", a)
	}

	acl := get("aws.ec2.network_acl", "acl-0a1b2c3d4e5f60001").Attributes.(*model.EC2NetworkACL)
	if !acl.IsDefault || len(acl.Entries) != 2 || acl.Entries[0].Action != "allow" || acl.Entries[0].CIDRBlock != "0.0.0.0/0" || acl.Entries[0].Egress {
		t.Errorf("default ACL open: %+v", acl)
	}
	if a := get("aws.ec2.network_acl", "prod-private-acl").Attributes.(*model.EC2NetworkACL); a.IsDefault || len(a.Entries) != 3 || a.Entries[1].Action != "deny" || a.Entries[1].FromPort != 22 {
		t.Errorf("private ACL: %+v", a)
	}

	if a := get("aws.ec2.vpc", "prod").Attributes.(*model.EC2VPC); !a.FlowLogsEnabled || a.IsDefault {
		t.Errorf("prod VPC: %+v", a)
	}
	if a := get("aws.ec2.vpc", "vpc-0a1b2c3d4e5f60002").Attributes.(*model.EC2VPC); a.FlowLogsEnabled || !a.IsDefault {
		t.Errorf("default VPC: %+v", a)
	}
	if a := get("aws.ec2.subnet", "prod-public-a").Attributes.(*model.EC2Subnet); !a.MapPublicIPOnLaunch || a.VPCID != "vpc-0a1b2c3d4e5f60001" {
		t.Errorf("public subnet: %+v", a)
	}
	if r := get("aws.ec2.subnet", "prod-private-b"); r.ID != "arn:aws:ec2:us-east-1:111111111111:subnet/subnet-0a1b2c3d4e5f60012" || r.Attributes.(*model.EC2Subnet).MapPublicIPOnLaunch {
		t.Errorf("private subnet: %s %+v", r.ID, r.Attributes)
	}

	if a := get("aws.ec2.snapshot", "bastion-backup").Attributes.(*model.EC2Snapshot); !a.Public || a.Encrypted {
		t.Errorf("public snapshot: %+v", a)
	}
	if a := get("aws.ec2.snapshot", "web-1-nightly").Attributes.(*model.EC2Snapshot); a.Public || !a.Encrypted {
		t.Errorf("private snapshot: %+v", a)
	}
	if a := get("aws.ec2.snapshot", "snap-0a1b2c3d4e5f60003").Attributes.(*model.EC2Snapshot); a.Public {
		t.Errorf("shared snapshot is not public: %+v", a)
	}
	if a := get("aws.ec2.image", "bastion-2023-11").Attributes.(*model.EC2Image); !a.Public || a.Encrypted {
		t.Errorf("public AMI with an unencrypted root snapshot: %+v", a)
	}
	if a := get("aws.ec2.image", "web-2024-03").Attributes.(*model.EC2Image); !a.Encrypted {
		t.Errorf("encrypted AMI: %+v", a)
	}
	for _, name := range []string{"web-2024-03", "batch-2023-05"} {
		if a := get("aws.ec2.image", name).Attributes.(*model.EC2Image); a.Public {
			t.Errorf("AMI %s is not public: %+v", name, a)
		}
	}

	lt := get("aws.ec2.launch_template", "web").Attributes.(*model.EC2LaunchTemplate)
	if lt.MetadataOptions.HTTPTokens != "required" || lt.HasPublicIP || len(lt.BlockDevices) != 1 || !lt.BlockDevices[0].Encrypted {
		t.Errorf("web template's default version: %+v", lt)
	}
	if a := get("aws.ec2.launch_template", "legacy-batch").Attributes.(*model.EC2LaunchTemplate); a.MetadataOptions.HTTPTokens != "optional" ||
		a.MetadataOptions.HTTPPutResponseHopLimit != 1 || !a.HasPublicIP || a.BlockDevices[0].Encrypted {
		t.Errorf("legacy template: %+v", a)
	}

	pub := get("aws.ec2.route_table", "prod-public").Attributes.(*model.EC2RouteTable)
	if pub.IsMain || !slices.Equal(pub.Subnets, []string{"subnet-0a1b2c3d4e5f60011"}) || len(pub.Routes) != 2 ||
		pub.Routes[1].TargetType != "internet_gateway" || pub.Routes[1].DestinationCIDR != "0.0.0.0/0" {
		t.Errorf("public route table: %+v", pub)
	}
	priv := get("aws.ec2.route_table", "prod-private").Attributes.(*model.EC2RouteTable)
	if !priv.IsMain || priv.Routes[1].TargetType != "nat_gateway" || priv.Routes[2].TargetType != "vpc_endpoint" || priv.Routes[2].DestinationPrefixList != "pl-63a5400a" {
		t.Errorf("private route table: %+v", priv)
	}
	if a := get("aws.ec2.internet_gateway", "detached-igw").Attributes.(*model.EC2InternetGateway); len(a.VPCIDs) != 0 {
		t.Errorf("detached gateway: %+v", a)
	}
	if a := get("aws.ec2.nat_gateway", "prod-nat-a").Attributes.(*model.EC2NATGateway); a.ConnectivityType != "public" || !slices.Equal(a.PublicIPs, []string{"54.210.10.20"}) {
		t.Errorf("NAT gateway: %+v", a)
	}
	if a := get("aws.ec2.vpc_endpoint", "prod-s3").Attributes.(*model.EC2VPCEndpoint); a.Type != "Gateway" || a.Policy == nil || !slices.Equal(a.RouteTables, []string{"rtb-0a1b2c3d4e5f60002"}) {
		t.Errorf("S3 endpoint: %+v", a)
	}
	if a := get("aws.ec2.vpc_endpoint", "vpce-0a1b2c3d4e5f60002").Attributes.(*model.EC2VPCEndpoint); a.Type != "Interface" || !a.PrivateDNSEnabled ||
		!slices.Equal(a.SecurityGroups, []string{"sg-0a1b2c3d4e5f60003"}) || a.Policy == nil {
		t.Errorf("SSM endpoint: %+v", a)
	}
}
