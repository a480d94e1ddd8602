package aws

import (
	"cmp"
	"encoding/base64"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
)

const ec2NS = "http://ec2.amazonaws.com/doc/2016-11-15/"

// ec2World is EC2 and VPC in one region, in the shapes the Describe calls
// return. OwnerId, where the API has one, defaults to the world's account;
// each instance is answered in a reservation of its own.
type ec2World struct {
	EbsEncryptionByDefault bool `json:"ebs_encryption_by_default"`
	// The block public access states ("" answers unblocked).
	SnapshotBlockPublicAccess string                      `json:"snapshot_block_public_access"`
	ImageBlockPublicAccess    string                      `json:"image_block_public_access"`
	Instances                 []ec2types.Instance         `json:"instances"`
	Volumes                   []ec2types.Volume           `json:"volumes"`
	Snapshots                 []ec2Snapshot               `json:"snapshots"`
	Images                    []ec2Image                  `json:"images"`
	LaunchTemplates           []ec2LaunchTemplate         `json:"launch_templates"`
	SecurityGroups            []ec2types.SecurityGroup    `json:"security_groups"`
	Vpcs                      []ec2types.Vpc              `json:"vpcs"`
	Subnets                   []ec2types.Subnet           `json:"subnets"`
	FlowLogs                  []ec2types.FlowLog          `json:"flow_logs"`
	NetworkAcls               []ec2types.NetworkAcl       `json:"network_acls"`
	RouteTables               []ec2types.RouteTable       `json:"route_tables"`
	InternetGateways          []ec2types.InternetGateway  `json:"internet_gateways"`
	NatGateways               []ec2types.NatGateway       `json:"nat_gateways"`
	VpcEndpoints              []ec2types.VpcEndpoint      `json:"vpc_endpoints"`
	NetworkInterfaces         []ec2types.NetworkInterface `json:"network_interfaces"`
	Addresses                 []ec2types.Address          `json:"addresses"`
	// InstanceUserData is each instance's user data by instance id, as the
	// text the instance receives; DescribeInstanceAttribute answers it
	// base64-encoded, as EC2 does.
	InstanceUserData map[string]string `json:"instance_user_data"`
}

// ec2Snapshot is a snapshot with its createVolumePermission attribute
// (group all: public; a user id: shared with that account).
type ec2Snapshot struct {
	ec2types.Snapshot
	CreateVolumePermissions []ec2types.CreateVolumePermission `json:"create_volume_permissions"`
}

// ec2Image is an AMI with its launchPermission attribute. Public, when
// unset, is answered from the permissions, as AWS keeps them in step.
type ec2Image struct {
	ec2types.Image
	LaunchPermissions []ec2types.LaunchPermission `json:"launch_permissions"`
}

// ec2LaunchTemplate is a launch template with its versions. The
// template's default and latest version numbers, when unset, come from
// the versions (DefaultVersion flag, highest number).
type ec2LaunchTemplate struct {
	ec2types.LaunchTemplate
	Versions []ec2types.LaunchTemplateVersion `json:"versions"`
}

// ec2Limits are each listing's MaxResults bounds from the EC2 API
// reference. Without MaxResults EC2 answers everything at once; clamp
// marks the calls that cut a larger value down instead of refusing it.
var ec2Limits = map[string]struct {
	lo, hi int
	clamp  bool
}{
	"DescribeInstances":              {5, 1000, false},
	"DescribeSecurityGroups":         {5, 1000, false},
	"DescribeVolumes":                {5, 500, true},
	"DescribeSnapshots":              {5, 1000, true},
	"DescribeImages":                 {1, 1000, true},
	"DescribeVpcs":                   {5, 1000, false},
	"DescribeSubnets":                {5, 1000, false},
	"DescribeFlowLogs":               {5, 1000, true},
	"DescribeInternetGateways":       {5, 1000, false},
	"DescribeNatGateways":            {5, 1000, false},
	"DescribeNetworkAcls":            {5, 1000, false},
	"DescribeRouteTables":            {5, 100, false},
	"DescribeVpcEndpoints":           {1, 1000, true},
	"DescribeLaunchTemplates":        {1, 200, false},
	"DescribeLaunchTemplateVersions": {1, 200, false},
	"DescribeNetworkInterfaces":      {5, 1000, false},
}

func init() {
	register(&service{name: "ec2", signing: "ec2", protocol: protoEC2,
		newWorld: func() any { return &ec2World{} },
		names: names{rename: ec2WireNames, member: map[string]string{
			"LaunchTemplateInstanceNetworkInterfaceSpecification.Groups": "groupId",
		}},
		ops: map[string]op{
			"DescribeRegions": func(c *call) (any, error) {
				out := &ec2.DescribeRegionsOutput{}
				for _, r := range c.srv.world.Regions {
					out.Regions = append(out.Regions, ec2types.Region{RegionName: aws.String(r),
						Endpoint: aws.String("ec2." + r + ".amazonaws.com"), OptInStatus: aws.String("opt-in-not-required")})
				}
				return out, nil
			},
			"GetEbsEncryptionByDefault": func(c *call) (any, error) {
				return &ec2.GetEbsEncryptionByDefaultOutput{EbsEncryptionByDefault: aws.Bool(worldOf[ec2World](c).EbsEncryptionByDefault)}, nil
			},
			"GetSnapshotBlockPublicAccessState": func(c *call) (any, error) {
				st := cmp.Or(worldOf[ec2World](c).SnapshotBlockPublicAccess, "unblocked")
				return &ec2.GetSnapshotBlockPublicAccessStateOutput{State: ec2types.SnapshotBlockPublicAccessState(st), ManagedBy: ec2types.ManagedByAccount}, nil
			},
			"GetImageBlockPublicAccessState": func(c *call) (any, error) {
				st := cmp.Or(worldOf[ec2World](c).ImageBlockPublicAccess, "unblocked")
				return &ec2.GetImageBlockPublicAccessStateOutput{ImageBlockPublicAccessState: aws.String(st), ManagedBy: ec2types.ManagedByAccount}, nil
			},
			"DescribeInstances":              describeInstances,
			"DescribeInstanceAttribute":      describeInstanceAttribute,
			"DescribeVolumes":                describeVolumes,
			"DescribeSnapshots":              describeSnapshots,
			"DescribeSnapshotAttribute":      describeSnapshotAttribute,
			"DescribeImages":                 describeImages,
			"DescribeImageAttribute":         describeImageAttribute,
			"DescribeLaunchTemplates":        describeLaunchTemplates,
			"DescribeLaunchTemplateVersions": describeLaunchTemplateVersions,
			"DescribeSecurityGroups":         describeSecurityGroups,
			"DescribeVpcs": func(c *call) (any, error) {
				vs, next, err := ec2List(c, ec2Owned(c, worldOf[ec2World](c).Vpcs), "VpcId", "InvalidVpcID.NotFound", "The vpc ID '%s' does not exist")
				return &ec2.DescribeVpcsOutput{Vpcs: vs, NextToken: next}, err
			},
			"DescribeSubnets": func(c *call) (any, error) {
				ss := ec2Owned(c, worldOf[ec2World](c).Subnets)
				for i := range ss {
					if ss[i].SubnetArn == nil {
						ss[i].SubnetArn = aws.String(c.arn("ec2", "subnet/"+aws.ToString(ss[i].SubnetId)))
					}
				}
				ss, next, err := ec2List(c, ss, "SubnetId", "InvalidSubnetID.NotFound", "The subnet ID '%s' does not exist")
				return &ec2.DescribeSubnetsOutput{Subnets: ss, NextToken: next}, err
			},
			"DescribeFlowLogs": func(c *call) (any, error) {
				// Unknown flow log ids are left out, not refused.
				fs, next, err := ec2List(c, worldOf[ec2World](c).FlowLogs, "FlowLogId", "", "")
				return &ec2.DescribeFlowLogsOutput{FlowLogs: fs, NextToken: next}, err
			},
			"DescribeNetworkAcls": func(c *call) (any, error) {
				ns, next, err := ec2List(c, ec2Owned(c, worldOf[ec2World](c).NetworkAcls), "NetworkAclId", "InvalidNetworkAclID.NotFound", "The networkAcl ID '%s' does not exist")
				return &ec2.DescribeNetworkAclsOutput{NetworkAcls: ns, NextToken: next}, err
			},
			"DescribeRouteTables": func(c *call) (any, error) {
				rs, next, err := ec2List(c, ec2Owned(c, worldOf[ec2World](c).RouteTables), "RouteTableId", "InvalidRouteTableID.NotFound", "The routeTable ID '%s' does not exist")
				return &ec2.DescribeRouteTablesOutput{RouteTables: rs, NextToken: next}, err
			},
			"DescribeInternetGateways": func(c *call) (any, error) {
				gs, next, err := ec2List(c, ec2Owned(c, worldOf[ec2World](c).InternetGateways), "InternetGatewayId", "InvalidInternetGatewayID.NotFound", "The internetGateway ID '%s' does not exist")
				return &ec2.DescribeInternetGatewaysOutput{InternetGateways: gs, NextToken: next}, err
			},
			"DescribeNatGateways": func(c *call) (any, error) {
				gs, next, err := ec2List(c, worldOf[ec2World](c).NatGateways, "NatGatewayId", "NatGatewayNotFound", "The Nat Gateway %s was not found")
				return &ec2.DescribeNatGatewaysOutput{NatGateways: gs, NextToken: next}, err
			},
			"DescribeNetworkInterfaces": func(c *call) (any, error) {
				ns, next, err := ec2List(c, ec2Owned(c, worldOf[ec2World](c).NetworkInterfaces), "NetworkInterfaceId", "InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '%s' does not exist")
				return &ec2.DescribeNetworkInterfacesOutput{NetworkInterfaces: ns, NextToken: next}, err
			},
			// DescribeAddresses does not page: it answers every address.
			"DescribeAddresses": func(c *call) (any, error) {
				as, err := ec2Select(c, worldOf[ec2World](c).Addresses, "AllocationId", "InvalidAllocationID.NotFound", "The allocation ID '%s' does not exist")
				return &ec2.DescribeAddressesOutput{Addresses: as}, err
			},
			"DescribeVpcEndpoints": func(c *call) (any, error) {
				es, next, err := ec2List(c, ec2Owned(c, worldOf[ec2World](c).VpcEndpoints), "VpcEndpointId", "InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '%s' does not exist")
				return &ec2.DescribeVpcEndpointsOutput{VpcEndpoints: es, NextToken: next}, err
			},
		}})
}

func describeInstances(c *call) (any, error) {
	if len(c.list("InstanceId")) > 0 && c.param("MaxResults") != "" {
		return nil, badRequest("InvalidParameterCombination", "The parameter instancesSet cannot be used with the parameter maxResults")
	}
	ins, next, err := ec2List(c, worldOf[ec2World](c).Instances, "InstanceId", "InvalidInstanceID.NotFound", "The instance ID '%s' does not exist")
	if err != nil {
		return nil, err
	}
	out := &ec2.DescribeInstancesOutput{NextToken: next}
	for _, in := range ins {
		out.Reservations = append(out.Reservations, ec2types.Reservation{
			ReservationId: aws.String("r-" + strings.TrimPrefix(aws.ToString(in.InstanceId), "i-")),
			OwnerId:       aws.String(c.account.ID), Instances: []ec2types.Instance{in}})
	}
	return out, nil
}

// describeInstanceAttribute answers the userData attribute (empty when the
// instance has none); the collector asks for no other.
func describeInstanceAttribute(c *call) (any, error) {
	id := c.param("InstanceId")
	w := worldOf[ec2World](c)
	if !slices.ContainsFunc(w.Instances, func(in ec2types.Instance) bool { return aws.ToString(in.InstanceId) == id }) {
		return nil, badRequest("InvalidInstanceID.NotFound", "The instance ID '%s' does not exist", id)
	}
	out := &ec2.DescribeInstanceAttributeOutput{InstanceId: aws.String(id)}
	switch a := c.param("Attribute"); a {
	case "userData":
		out.UserData = &ec2types.AttributeValue{}
		if ud := w.InstanceUserData[id]; ud != "" {
			out.UserData.Value = aws.String(base64.StdEncoding.EncodeToString([]byte(ud)))
		}
	default:
		return nil, badRequest("InvalidParameterValue", "Value (%s) for parameter attribute is invalid. Unknown attribute.", a)
	}
	return out, nil
}

func describeVolumes(c *call) (any, error) {
	vs, next, err := ec2List(c, worldOf[ec2World](c).Volumes, "VolumeId", "InvalidVolume.NotFound", "The volume '%s' does not exist.")
	return &ec2.DescribeVolumesOutput{Volumes: vs, NextToken: next}, err
}

func describeSecurityGroups(c *call) (any, error) {
	gs := ec2Owned(c, worldOf[ec2World](c).SecurityGroups)
	for i := range gs {
		if gs[i].SecurityGroupArn == nil {
			gs[i].SecurityGroupArn = aws.String(c.arn("ec2", "security-group/"+aws.ToString(gs[i].GroupId)))
		}
	}
	gs, err := ec2Select(c, gs, "GroupName", "InvalidGroup.NotFound", "The security group '%s' does not exist")
	if err != nil {
		return nil, err
	}
	gs, next, err := ec2List(c, gs, "GroupId", "InvalidGroup.NotFound", "The security group '%s' does not exist")
	return &ec2.DescribeSecurityGroupsOutput{SecurityGroups: gs, NextToken: next}, err
}

// ec2Sharing is who may use a snapshot or AMI besides its owner: everyone
// (group all), or the accounts named.
func ec2Sharing(group []ec2types.PermissionGroup, users []*string) (public bool, accounts []string) {
	for _, g := range group {
		public = public || g == ec2types.PermissionGroupAll
	}
	for _, u := range users {
		if u != nil {
			accounts = append(accounts, *u)
		}
	}
	return public, accounts
}

// ec2Shared decides what DescribeSnapshots and DescribeImages list: what
// the caller can see (its own, public, shared with it), narrowed by the
// owners asked for (self, an account, an alias such as amazon) and by who
// may use it (RestorableBy, ExecutableBy: self, all or an account).
func ec2Shared(c *call, owner, alias string, public bool, accounts []string, usersParam string) bool {
	acct := c.account.ID
	if owner != acct && !public && !slices.Contains(accounts, acct) {
		return false
	}
	if owners := c.list("Owner"); len(owners) > 0 && !slices.ContainsFunc(owners, func(o string) bool {
		return o == owner || o == "self" && owner == acct || alias != "" && o == alias
	}) {
		return false
	}
	if users := c.list(usersParam); len(users) > 0 && !slices.ContainsFunc(users, func(u string) bool {
		if u == "all" {
			return public
		}
		if u == "self" {
			u = acct
		}
		return owner == u || public || slices.Contains(accounts, u)
	}) {
		return false
	}
	return true
}

func (s ec2Snapshot) sharing() (bool, []string) {
	var gs []ec2types.PermissionGroup
	var us []*string
	for _, p := range s.CreateVolumePermissions {
		gs, us = append(gs, p.Group), append(us, p.UserId)
	}
	return ec2Sharing(gs, us)
}

func (im ec2Image) sharing() (bool, []string) {
	var gs []ec2types.PermissionGroup
	var us []*string
	for _, p := range im.LaunchPermissions {
		gs, us = append(gs, p.Group), append(us, p.UserId)
	}
	public, accounts := ec2Sharing(gs, us)
	if im.Public != nil {
		public = *im.Public
	}
	return public, accounts
}

// ec2Snapshots are the snapshots the call may see (id "": all), owners
// filled in.
func ec2Snapshots(c *call, id string) []ec2Snapshot {
	var out []ec2Snapshot
	for _, s := range worldOf[ec2World](c).Snapshots {
		if id != "" && aws.ToString(s.SnapshotId) != id {
			continue
		}
		s = ec2Owned(c, []ec2Snapshot{s})[0]
		public, accounts := s.sharing()
		if ec2Shared(c, aws.ToString(s.OwnerId), aws.ToString(s.OwnerAlias), public, accounts, "RestorableBy") {
			out = append(out, s)
		}
	}
	return out
}

func describeSnapshots(c *call) (any, error) {
	ss, next, err := ec2List(c, ec2Snapshots(c, ""), "SnapshotId", "InvalidSnapshot.NotFound", "The snapshot '%s' does not exist.")
	out := &ec2.DescribeSnapshotsOutput{NextToken: next}
	for _, s := range ss {
		out.Snapshots = append(out.Snapshots, s.Snapshot)
	}
	return out, err
}

func describeSnapshotAttribute(c *call) (any, error) {
	id := c.param("SnapshotId")
	ss := ec2Snapshots(c, id)
	if len(ss) == 0 {
		return nil, badRequest("InvalidSnapshot.NotFound", "The snapshot '%s' does not exist.", id)
	}
	s := ss[0]
	out := &ec2.DescribeSnapshotAttributeOutput{SnapshotId: aws.String(id)}
	switch a := c.param("Attribute"); a {
	case "createVolumePermission":
		out.CreateVolumePermissions = s.CreateVolumePermissions
	case "productCodes":
	default:
		return nil, badRequest("InvalidParameterValue", "Value (%s) for parameter attribute is invalid. Unknown attribute.", a)
	}
	return out, nil
}

// ec2Images are the AMIs the call may see (id "": all): owners and
// Public filled in, disabled ones only when asked for, others' deprecated
// ones likewise.
func ec2Images(c *call, id string) []ec2Image {
	var out []ec2Image
	now := time.Now()
	for _, im := range worldOf[ec2World](c).Images {
		if id != "" && aws.ToString(im.ImageId) != id {
			continue
		}
		im = ec2Owned(c, []ec2Image{im})[0]
		public, accounts := im.sharing()
		im.Public = aws.Bool(public)
		owner := aws.ToString(im.OwnerId)
		if !ec2Shared(c, owner, aws.ToString(im.ImageOwnerAlias), public, accounts, "ExecutableBy") ||
			im.State == ec2types.ImageStateDisabled && c.param("IncludeDisabled") != "true" {
			continue
		}
		if t, err := time.Parse(time.RFC3339, aws.ToString(im.DeprecationTime)); err == nil && t.Before(now) &&
			owner != c.account.ID && c.param("IncludeDeprecated") != "true" {
			continue
		}
		out = append(out, im)
	}
	return out
}

func describeImages(c *call) (any, error) {
	ims, next, err := ec2List(c, ec2Images(c, ""), "ImageId", "InvalidAMIID.NotFound", "The image id '[%s]' does not exist")
	out := &ec2.DescribeImagesOutput{NextToken: next}
	for _, im := range ims {
		out.Images = append(out.Images, im.Image)
	}
	return out, err
}

func describeImageAttribute(c *call) (any, error) {
	id := c.param("ImageId")
	ims := ec2Images(c, id)
	if len(ims) == 0 {
		return nil, badRequest("InvalidAMIID.NotFound", "The image id '[%s]' does not exist", id)
	}
	im := ims[0]
	val := func(s string) *ec2types.AttributeValue { return &ec2types.AttributeValue{Value: optional(s)} }
	out := &ec2.DescribeImageAttributeOutput{ImageId: aws.String(id)}
	switch a := c.param("Attribute"); a {
	case "launchPermission":
		out.LaunchPermissions = im.LaunchPermissions
	case "description":
		out.Description = val(aws.ToString(im.Description))
	case "kernel":
		out.KernelId = val(aws.ToString(im.KernelId))
	case "ramdisk":
		out.RamdiskId = val(aws.ToString(im.RamdiskId))
	case "productCodes":
		out.ProductCodes = im.ProductCodes
	case "blockDeviceMapping":
		out.BlockDeviceMappings = im.BlockDeviceMappings
	case "sriovNetSupport":
		out.SriovNetSupport = val(aws.ToString(im.SriovNetSupport))
	case "bootMode":
		out.BootMode = val(string(im.BootMode))
	case "tpmSupport":
		out.TpmSupport = val(string(im.TpmSupport))
	case "imdsSupport":
		out.ImdsSupport = val(string(im.ImdsSupport))
	case "lastLaunchedTime":
		out.LastLaunchedTime = val(aws.ToString(im.LastLaunchedTime))
	case "deregistrationProtection":
		out.DeregistrationProtection = val(aws.ToString(im.DeregistrationProtection))
	case "uefiData":
		out.UefiData = val("")
	default:
		return nil, badRequest("InvalidParameterValue", "Value (%s) for parameter attribute is invalid. Unknown attribute.", a)
	}
	return out, nil
}

// ec2VersionNumbers are a template's default and latest version numbers.
func ec2VersionNumbers(lt ec2LaunchTemplate) (def, latest int64) {
	def = 1
	for _, v := range lt.Versions {
		if aws.ToBool(v.DefaultVersion) {
			def = aws.ToInt64(v.VersionNumber)
		}
		latest = max(latest, aws.ToInt64(v.VersionNumber))
	}
	if lt.DefaultVersionNumber != nil {
		def = *lt.DefaultVersionNumber
	}
	if lt.LatestVersionNumber != nil {
		latest = *lt.LatestVersionNumber
	}
	return def, latest
}

func describeLaunchTemplates(c *call) (any, error) {
	lts, err := ec2Select(c, worldOf[ec2World](c).LaunchTemplates, "LaunchTemplateName",
		"InvalidLaunchTemplateName.NotFoundException", "The specified launch template, with template name %s, does not exist.")
	if err != nil {
		return nil, err
	}
	lts, next, err := ec2List(c, lts, "LaunchTemplateId", "InvalidLaunchTemplateId.NotFound", "The specified launch template, with template ID %s, does not exist.")
	out := &ec2.DescribeLaunchTemplatesOutput{NextToken: next}
	for _, lt := range lts {
		def, latest := ec2VersionNumbers(lt)
		t := lt.LaunchTemplate
		t.DefaultVersionNumber, t.LatestVersionNumber = aws.Int64(def), aws.Int64(latest)
		out.LaunchTemplates = append(out.LaunchTemplates, t)
	}
	return out, err
}

// describeLaunchTemplateVersions answers one template's versions ($Latest,
// $Default or numbers, between MinVersion and MaxVersion), or every
// template's $Latest/$Default when no template is named.
func describeLaunchTemplateVersions(c *call) (any, error) {
	id, name, want := c.param("LaunchTemplateId"), c.param("LaunchTemplateName"), c.list("LaunchTemplateVersion")
	lts := worldOf[ec2World](c).LaunchTemplates
	switch {
	case id != "" && name != "":
		return nil, badRequest("InvalidParameterCombination", "The parameters LaunchTemplateId and LaunchTemplateName cannot be used together.")
	case id != "" || name != "":
		i := slices.IndexFunc(lts, func(lt ec2LaunchTemplate) bool {
			return id != "" && aws.ToString(lt.LaunchTemplateId) == id || name != "" && aws.ToString(lt.LaunchTemplateName) == name
		})
		if i < 0 && id != "" {
			return nil, badRequest("InvalidLaunchTemplateId.NotFound", "The specified launch template, with template ID %s, does not exist.", id)
		}
		if i < 0 {
			return nil, badRequest("InvalidLaunchTemplateName.NotFoundException", "The specified launch template, with template name %s, does not exist.", name)
		}
		lts = lts[i : i+1]
	case len(want) == 0 || slices.ContainsFunc(want, func(v string) bool { return v != "$Latest" && v != "$Default" }):
		return nil, badRequest("MissingParameter", "The request must contain the parameter LaunchTemplateId or LaunchTemplateName")
	}
	minV, _ := strconv.ParseInt(c.param("MinVersion"), 10, 64)
	maxV, _ := strconv.ParseInt(c.param("MaxVersion"), 10, 64)
	var vs []ec2types.LaunchTemplateVersion
	for _, lt := range lts {
		def, latest := ec2VersionNumbers(lt)
		wanted := map[int64]bool{}
		for _, w := range want {
			n, err := strconv.ParseInt(w, 10, 64)
			switch {
			case w == "$Latest":
				n = latest
			case w == "$Default":
				n = def
			case err != nil || !slices.ContainsFunc(lt.Versions, func(v ec2types.LaunchTemplateVersion) bool { return aws.ToInt64(v.VersionNumber) == n }):
				return nil, badRequest("InvalidLaunchTemplateId.VersionNotFound", "Could not find launch template version %s for template %s", w, aws.ToString(lt.LaunchTemplateId))
			}
			wanted[n] = true
		}
		for _, v := range lt.Versions {
			n := aws.ToInt64(v.VersionNumber)
			if len(want) > 0 && !wanted[n] || minV > 0 && n < minV || maxV > 0 && n > maxV {
				continue
			}
			if v.LaunchTemplateId == nil {
				v.LaunchTemplateId = lt.LaunchTemplateId
			}
			if v.LaunchTemplateName == nil {
				v.LaunchTemplateName = lt.LaunchTemplateName
			}
			v.DefaultVersion = aws.Bool(n == def)
			vs = append(vs, v)
		}
	}
	vs, next, err := ec2List(c, vs, "", "", "")
	return &ec2.DescribeLaunchTemplateVersionsOutput{LaunchTemplateVersions: vs, NextToken: next}, err
}

// ec2Owned returns a copy of items with an unset OwnerId set to the
// caller's account, as AWS always answers one.
func ec2Owned[T any](c *call, items []T) []T {
	out := slices.Clone(items)
	for i := range out {
		if f := reflect.ValueOf(&out[i]).Elem().FieldByName("OwnerId"); f.IsValid() && f.IsNil() {
			f.Set(reflect.ValueOf(aws.String(c.account.ID)))
		}
	}
	return out
}

// ec2List selects (ec2Select) and pages (ec2Page) a listing.
func ec2List[T any](c *call, items []T, idParam, code, msg string) ([]T, *string, error) {
	sel, err := ec2Select(c, items, idParam, code, msg)
	if err != nil {
		return nil, nil, err
	}
	return ec2Page(c, sel)
}

// ec2Select keeps the items named by the idParam.N list, read from the
// item's field of that name (an unknown id fails with code and msg, as EC2
// refuses it, or is left out when code is ""), that pass the filters.
func ec2Select[T any](c *call, items []T, idParam, code, msg string) ([]T, error) {
	var ids []string
	if idParam != "" {
		ids = c.list(idParam)
	}
	idOf := func(x T) string { return aws.ToString(reflect.ValueOf(x).FieldByName(idParam).Interface().(*string)) }
	for _, id := range ids {
		if code != "" && !slices.ContainsFunc(items, func(x T) bool { return idOf(x) == id }) {
			return nil, badRequest(code, msg, id)
		}
	}
	fs := ec2Filters(c)
	if _, err := ec2Match(*new(T), fs); err != nil {
		return nil, err // a filter the kind does not have, even with no items
	}
	var out []T
	for _, x := range items {
		if len(ids) > 0 && !slices.Contains(ids, idOf(x)) {
			continue
		}
		if ok, _ := ec2Match(x, fs); ok {
			out = append(out, x)
		}
	}
	return out, nil
}

// ec2Page pages as EC2 does: everything without MaxResults, else at most
// MaxResults within the call's bounds (ec2Limits).
func ec2Page[T any](c *call, items []T) ([]T, *string, error) {
	lim := ec2Limits[c.op]
	size := 0
	if s := c.param("MaxResults"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < lim.lo || n > lim.hi && !lim.clamp {
			return nil, nil, badRequest("InvalidParameterValue", "Value ( %s ) for parameter maxResults is invalid. Expecting a value between %d and %d.", s, lim.lo, lim.hi)
		}
		size = min(n, lim.hi)
	}
	out, next, err := page(items, c.param("NextToken"), size)
	if err != nil {
		return nil, nil, badRequest("InvalidPaginationToken", "The specified pagination token is not valid or is expired.")
	}
	return out, optional(next), nil
}

// ec2Filter is one Filter.N: a name and the values any of which matches.
type ec2Filter struct {
	name   string
	values []string
}

func ec2Filters(c *call) []ec2Filter {
	var out []ec2Filter
	for i := 1; ; i++ {
		p := "Filter." + strconv.Itoa(i)
		name := c.form.Get(p + ".Name")
		if name == "" {
			return out
		}
		out = append(out, ec2Filter{name, c.list(p + ".Value")})
	}
}

// ec2FilterAliases are filter names that do not spell their member path.
var ec2FilterAliases = map[string]string{
	"instance-state-name": "state.name", "instance-state-code": "state.code",
	"default": "is-default", "is-public": "public", "status": "state",
	"vpc-endpoint-state": "state",
}

// ec2Match reports whether item passes every filter. Tags filter as
// tag:<key>, tag-key and tag-value; other names are member paths in
// EC2's kebab case (vpc-id, attachment.vpc-id, association.main), so
// most of each call's documented filters work. Values take * and ?.
// A name that is no member of the item's type is EC2's InvalidParameterValue.
func ec2Match(item any, fs []ec2Filter) (bool, error) {
	v := reflect.ValueOf(item)
	for _, f := range fs {
		var got []string
		if f.name == "tag-key" || f.name == "tag-value" || strings.HasPrefix(f.name, "tag:") {
			tv := v.FieldByName("Tags")
			if !tv.IsValid() {
				return false, badRequest("InvalidParameterValue", "The filter '%s' is invalid", f.name)
			}
			for _, t := range tv.Interface().([]ec2types.Tag) {
				switch k := aws.ToString(t.Key); {
				case f.name == "tag-key":
					got = append(got, k)
				case f.name == "tag-value" || f.name == "tag:"+k:
					got = append(got, aws.ToString(t.Value))
				}
			}
		} else {
			path := f.name
			if a, ok := ec2FilterAliases[path]; ok {
				path = a
			}
			if !ec2Values(v, strings.Split(path, "."), true, &got) {
				return false, badRequest("InvalidParameterValue", "The filter '%s' is invalid", f.name)
			}
		}
		if !slices.ContainsFunc(got, func(g string) bool {
			return slices.ContainsFunc(f.values, func(p string) bool { return ec2Glob(p, g) })
		}) {
			return false, nil
		}
	}
	return true, nil
}

// ec2Values collects the scalars at path in v (lists are walked, a
// segment may name a plural member); it is false when the path names no
// member of v's type. Unset parts are walked by type only (real false).
func ec2Values(v reflect.Value, path []string, real bool, out *[]string) bool {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			real, v = false, reflect.Zero(v.Type().Elem())
			continue
		}
		v = v.Elem()
	}
	switch {
	case v.Type() == timeType:
		if real {
			*out = append(*out, v.Interface().(time.Time).UTC().Format(time.RFC3339))
		}
		return len(path) == 0
	case v.Kind() == reflect.Slice:
		if v.Len() == 0 {
			return ec2Values(reflect.Zero(v.Type().Elem()), path, false, out)
		}
		ok := true
		for i := 0; i < v.Len(); i++ {
			ok = ec2Values(v.Index(i), path, real, out) && ok
		}
		return ok
	case len(path) == 0:
		if real {
			*out = append(*out, scalar(v))
		}
		return v.Kind() != reflect.Struct
	case v.Kind() != reflect.Struct:
		return false
	}
	name := strings.ReplaceAll(path[0], "-", "")
	f := v.FieldByNameFunc(func(n string) bool { return strings.EqualFold(n, name) || strings.EqualFold(n, name+"s") })
	return f.IsValid() && ec2Values(f, path[1:], real, out)
}

// ec2Glob matches EC2 filter wildcards: * any run, ? one character.
func ec2Glob(pattern, s string) bool {
	re := "^" + strings.NewReplacer(`\*`, ".*", `\?`, ".").Replace(regexp.QuoteMeta(pattern)) + "$"
	ok, _ := regexp.MatchString(re, s)
	return ok
}

// ec2WireNames are the members of the answers served whose XML names are
// not their Go field names, from the SDK's EC2 deserializers.
var ec2WireNames = map[string]string{
	"CpuPerformanceFactor.References":                   "referenceSet",
	"Address.Tags":                                      "tagSet",
	"DescribeAddressesOutput.Addresses":                 "addressesSet",
	"DescribeFlowLogsOutput.FlowLogs":                   "flowLogSet",
	"DescribeNetworkInterfacesOutput.NetworkInterfaces": "networkInterfaceSet",
	"NetworkInterface.AssociatedSubnets":                "associatedSubnetSet", "NetworkInterface.Groups": "groupSet",
	"NetworkInterface.Ipv4Prefixes": "ipv4PrefixSet", "NetworkInterface.Ipv6Addresses": "ipv6AddressesSet",
	"NetworkInterface.Ipv6Prefixes": "ipv6PrefixSet", "NetworkInterface.PrivateIpAddresses": "privateIpAddressesSet",
	"DescribeImageAttributeOutput.BlockDeviceMappings":            "blockDeviceMapping",
	"DescribeImageAttributeOutput.KernelId":                       "kernel",
	"DescribeImageAttributeOutput.LaunchPermissions":              "launchPermission",
	"DescribeImageAttributeOutput.RamdiskId":                      "ramdisk",
	"DescribeImagesOutput.Images":                                 "imagesSet",
	"DescribeInstancesOutput.Reservations":                        "reservationSet",
	"DescribeInternetGatewaysOutput.InternetGateways":             "internetGatewaySet",
	"DescribeLaunchTemplateVersionsOutput.LaunchTemplateVersions": "launchTemplateVersionSet",
	"DescribeNatGatewaysOutput.NatGateways":                       "natGatewaySet",
	"DescribeNetworkAclsOutput.NetworkAcls":                       "networkAclSet",
	"DescribeRegionsOutput.Regions":                               "regionInfo",
	"DescribeRouteTablesOutput.RouteTables":                       "routeTableSet",
	"DescribeSecurityGroupsOutput.SecurityGroups":                 "securityGroupInfo",
	"DescribeSnapshotAttributeOutput.CreateVolumePermissions":     "createVolumePermission",
	"DescribeSnapshotsOutput.Snapshots":                           "snapshotSet",
	"DescribeSubnetsOutput.Subnets":                               "subnetSet",
	"DescribeVolumesOutput.Volumes":                               "volumeSet",
	"DescribeVpcEndpointsOutput.VpcEndpoints":                     "vpcEndpointSet",
	"DescribeVpcsOutput.Vpcs":                                     "vpcSet",
	"DnsOptions.PrivateDnsSpecifiedDomains":                       "privateDnsSpecifiedDomainSet",
	"FlowLog.TagFieldSpecifications":                              "tagFieldSpecificationSet", "FlowLog.Tags": "tagSet",
	"Image.BlockDeviceMappings": "blockDeviceMapping", "Image.ImageWatermarks": "imageWatermarkSet",
	"Image.OwnerId": "imageOwnerId", "Image.Public": "isPublic", "Image.State": "imageState", "Image.Tags": "tagSet",
	"Instance.BlockDeviceMappings": "blockDeviceMapping", "Instance.ElasticGpuAssociations": "elasticGpuAssociationSet",
	"Instance.ElasticInferenceAcceleratorAssociations": "elasticInferenceAcceleratorAssociationSet",
	"Instance.Licenses": "licenseSet", "Instance.NetworkInterfaces": "networkInterfaceSet",
	"Instance.PublicDnsName": "dnsName", "Instance.PublicIpAddress": "ipAddress",
	"Instance.SecondaryInterfaces": "secondaryInterfaceSet", "Instance.SecurityGroups": "groupSet",
	"Instance.State": "instanceState", "Instance.StateTransitionReason": "reason", "Instance.Tags": "tagSet",
	"InstanceNetworkInterface.Groups": "groupSet", "InstanceNetworkInterface.Ipv4Prefixes": "ipv4PrefixSet",
	"InstanceNetworkInterface.Ipv6Addresses": "ipv6AddressesSet", "InstanceNetworkInterface.Ipv6Prefixes": "ipv6PrefixSet",
	"InstanceNetworkInterface.PrivateIpAddresses":        "privateIpAddressesSet",
	"InstanceRequirements.AcceleratorManufacturers":      "acceleratorManufacturerSet",
	"InstanceRequirements.AcceleratorNames":              "acceleratorNameSet",
	"InstanceRequirements.AcceleratorTypes":              "acceleratorTypeSet",
	"InstanceRequirements.AllowedInstanceTypes":          "allowedInstanceTypeSet",
	"InstanceRequirements.CpuManufacturers":              "cpuManufacturerSet",
	"InstanceRequirements.ExcludedInstanceTypes":         "excludedInstanceTypeSet",
	"InstanceRequirements.InstanceGenerations":           "instanceGenerationSet",
	"InstanceRequirements.LocalStorageTypes":             "localStorageTypeSet",
	"InstanceSecondaryInterface.PrivateIpAddresses":      "privateIpAddressSet",
	"InstanceTypeSpecification.SupportedInstanceTypes":   "supportedInstanceTypeSet",
	"InstanceTypeSpecification.UnsupportedInstanceTypes": "unsupportedInstanceTypeSet",
	"InternetGateway.Attachments":                        "attachmentSet", "InternetGateway.Tags": "tagSet",
	"IpPermission.UserIdGroupPairs":                                            "groups",
	"LaunchTemplate.Tags":                                                      "tagSet",
	"LaunchTemplateInstanceNetworkInterfaceSpecification.Groups":               "groupSet",
	"LaunchTemplateInstanceNetworkInterfaceSpecification.Ipv4Prefixes":         "ipv4PrefixSet",
	"LaunchTemplateInstanceNetworkInterfaceSpecification.Ipv6Addresses":        "ipv6AddressesSet",
	"LaunchTemplateInstanceNetworkInterfaceSpecification.Ipv6Prefixes":         "ipv6PrefixSet",
	"LaunchTemplateInstanceNetworkInterfaceSpecification.PrivateIpAddresses":   "privateIpAddressesSet",
	"LaunchTemplateInstanceSecondaryInterfaceSpecification.PrivateIpAddresses": "privateIpAddressesSet",
	"LaunchTemplateTagSpecification.Tags":                                      "tagSet",
	"NatGateway.AttachedAppliances":                                            "attachedApplianceSet", "NatGateway.NatGatewayAddresses": "natGatewayAddressSet",
	"NatGateway.Tags":         "tagSet",
	"NetworkAcl.Associations": "associationSet", "NetworkAcl.Entries": "entrySet", "NetworkAcl.IsDefault": "default",
	"NetworkAcl.Tags":           "tagSet",
	"ProductCode.ProductCodeId": "productCode", "ProductCode.ProductCodeType": "type",
	"Region.Endpoint": "regionEndpoint", "Region.Geography": "geographySet",
	"Reservation.Groups": "groupSet", "Reservation.Instances": "instancesSet",
	"ResponseLaunchTemplateData.BlockDeviceMappings":          "blockDeviceMappingSet",
	"ResponseLaunchTemplateData.ElasticGpuSpecifications":     "elasticGpuSpecificationSet",
	"ResponseLaunchTemplateData.ElasticInferenceAccelerators": "elasticInferenceAcceleratorSet",
	"ResponseLaunchTemplateData.LicenseSpecifications":        "licenseSet",
	"ResponseLaunchTemplateData.NetworkInterfaces":            "networkInterfaceSet",
	"ResponseLaunchTemplateData.SecondaryInterfaces":          "secondaryInterfaceSet",
	"ResponseLaunchTemplateData.SecurityGroupIds":             "securityGroupIdSet",
	"ResponseLaunchTemplateData.SecurityGroups":               "securityGroupSet",
	"ResponseLaunchTemplateData.TagSpecifications":            "tagSpecificationSet",
	"RouteTable.Associations":                                 "associationSet", "RouteTable.PropagatingVgws": "propagatingVgwSet",
	"RouteTable.Routes": "routeSet", "RouteTable.Tags": "tagSet",
	"SecurityGroup.Description": "groupDescription", "SecurityGroup.Tags": "tagSet",
	"Snapshot.State": "status", "Snapshot.StateMessage": "statusMessage", "Snapshot.Tags": "tagSet",
	"Subnet.Tags":                           "tagSet",
	"SubnetIpPrefixes.IpPrefixes":           "ipPrefixSet",
	"TagFieldSpecificationResponse.TagKeys": "tagKeySet",
	"Volume.Attachments":                    "attachmentSet", "Volume.State": "status", "Volume.Tags": "tagSet",
	"VolumeAttachment.State":    "status",
	"Vpc.Tags":                  "tagSet",
	"VpcEncryptionControl.Tags": "tagSet",
	"VpcEndpoint.DnsEntries":    "dnsEntrySet", "VpcEndpoint.Groups": "groupSet", "VpcEndpoint.Ipv4Prefixes": "ipv4PrefixSet",
	"VpcEndpoint.Ipv6Prefixes": "ipv6PrefixSet", "VpcEndpoint.NetworkInterfaceIds": "networkInterfaceIdSet",
	"VpcEndpoint.PayerResponsibilities": "payerResponsibilitySet", "VpcEndpoint.RouteTableIds": "routeTableIdSet",
	"VpcEndpoint.SubnetIds": "subnetIdSet", "VpcEndpoint.Tags": "tagSet",
}
