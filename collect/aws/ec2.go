package aws

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/vigil-sec/vigil/internal/secretscan"
	"github.com/vigil-sec/vigil/model"
)

func init() { register("ec2", false, collectEC2) }

// collectEC2 reads one region's EC2 and VPC estate: the EBS encryption
// default and the snapshot and AMI block public access states (aws.region
// facts), volumes, instances (joined with their
// volumes' encryption), security groups, network ACLs, VPCs (joined with
// their flow logs), subnets, owned snapshots and AMIs, launch templates,
// route tables, internet and NAT gateways, VPC endpoints, network
// interfaces (joined to the security groups they carry) and Elastic IPs. Each part
// fails on its own; the others go on. The parts are independent (only
// instances wait for volumes, and security groups for interfaces), so they run side by side: one after
// another, their listings would make EC2 the longest unit of a region.
// Every listing pages at its maximum page size: AWS advises paging, as
// unpaged Describe calls time out or are throttled in large accounts.
func collectEC2(ctx context.Context, s *scope) {
	client := ec2.NewFromConfig(s.Config())
	parts := []func(){
		func() { collectEBSDefault(ctx, s, client) },
		func() { collectBlockPublicAccess(ctx, s, client) },
		func() {
			collectInstances(ctx, s, client, collectVolumes(ctx, s, client))
		},
		func() {
			collectSecurityGroups(ctx, s, client, collectNetworkInterfaces(ctx, s, client))
		},
		func() { collectAddresses(ctx, s, client) },
		func() { collectNetworkACLs(ctx, s, client) },
		func() { collectVPCs(ctx, s, client) },
		func() { collectSubnets(ctx, s, client) },
		func() { collectSnapshots(ctx, s, client) },
		func() { collectImages(ctx, s, client) },
		func() { collectLaunchTemplates(ctx, s, client) },
		func() { collectRouteTables(ctx, s, client) },
		func() { collectInternetGateways(ctx, s, client) },
		func() { collectNATGateways(ctx, s, client) },
		func() { collectVPCEndpoints(ctx, s, client) },
	}
	forEach(s, parts, func(part func()) { part() })
}

func collectEBSDefault(ctx context.Context, s *scope, client *ec2.Client) {
	out, err := client.GetEbsEncryptionByDefault(ctx, &ec2.GetEbsEncryptionByDefaultInput{})
	if err != nil {
		s.fail("GetEbsEncryptionByDefault", err)
		return // the fact stays null: unknown, not off
	}
	s.regionFact(factEBSDefaultEncryption, boolPtr(aws.ToBool(out.EbsEncryptionByDefault)))
}

// collectBlockPublicAccess reads the region's block public access states
// for EBS snapshots and AMIs (aws.region facts). A state that cannot be
// read stays null: unknown, not unblocked.
func collectBlockPublicAccess(ctx context.Context, s *scope, client *ec2.Client) {
	region := model.KindAWSRegion.Name()
	s.readKind("GetSnapshotBlockPublicAccessState", kindFills{region: {"ebs_snapshot_block_public_access"}}, func() error {
		out, err := client.GetSnapshotBlockPublicAccessState(ctx, &ec2.GetSnapshotBlockPublicAccessStateInput{})
		if err != nil {
			return err
		}
		state := string(out.State)
		s.updateRegionFact(func(r *model.AWSRegion) { r.EBSSnapshotBlockPublicAccess = &state })
		return nil
	})
	s.readKind("GetImageBlockPublicAccessState", kindFills{region: {"ami_block_public_access"}}, func() error {
		out, err := client.GetImageBlockPublicAccessState(ctx, &ec2.GetImageBlockPublicAccessStateInput{})
		if err != nil {
			return err
		}
		state := aws.ToString(out.ImageBlockPublicAccessState)
		s.updateRegionFact(func(r *model.AWSRegion) { r.AMIBlockPublicAccess = &state })
		return nil
	})
}

// collectVolumes records every EBS volume and returns them by id, for
// instances to read their block devices' encryption from. When the listing
// fails, every instance's block devices are unknown.
func collectVolumes(ctx context.Context, s *scope, client *ec2.Client) map[string]ec2types.Volume {
	vols := map[string]ec2types.Volume{}
	s.readKind("DescribeVolumes", kindFills{model.KindEC2Volume.Name(): nil, model.KindEC2Instance.Name(): {"block_devices"}}, func() error {
		p := ec2.NewDescribeVolumesPaginator(client, &ec2.DescribeVolumesInput{MaxResults: aws.Int32(500)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			for _, v := range page.Volumes {
				id := aws.ToString(v.VolumeId)
				vols[id] = v
				a := &model.EC2Volume{
					Encrypted:        aws.ToBool(v.Encrypted),
					KMSKeyID:         aws.ToString(v.KmsKeyId),
					Size:             int(aws.ToInt32(v.Size)),
					VolumeType:       string(v.VolumeType),
					AvailabilityZone: aws.ToString(v.AvailabilityZone),
				}
				var rels []model.Relation
				if a.KMSKeyID != "" {
					rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.KMSKeyID})
				}
				tags := ec2Tags(v.Tags)
				s.add(s.ec2ARN("volume", id), model.KindEC2Volume.With(a), ec2Name(tags, id), v, tags, rels...)
			}
		}
		return nil
	})
	return vols
}

// collectInstances records every instance that is not terminated, with
// the secrets found in its user data. DescribeInstances does not return
// user data; DescribeInstanceAttribute userData does, base64-encoded (and
// possibly gzip-compressed inside). It is scanned where it is read
// (internal/secretscan, as the IaC adapters do) and only the findings are
// kept: the text is in no attribute, raw payload or log.
func collectInstances(ctx context.Context, s *scope, client *ec2.Client, vols map[string]ec2types.Volume) {
	// Each page's instances are read (user data) and handed on before the
	// next page is fetched, so at most a page of instances is held.
	p := ec2.NewDescribeInstancesPaginator(client, &ec2.DescribeInstancesInput{MaxResults: aws.Int32(1000)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeInstances", err)
			return
		}
		var instances []ec2types.Instance
		for _, res := range page.Reservations {
			for _, in := range res.Instances {
				if in.State != nil && in.State.Name == ec2types.InstanceStateNameTerminated {
					continue // gone; AWS lists it for a while longer
				}
				instances = append(instances, in)
			}
		}
		forEach(s, instances, func(in ec2types.Instance) { addInstance(ctx, s, client, in, vols) })
	}
}

// readUserData reads an instance's user data and returns whether it has
// any and the secrets found in it.
func readUserData(ctx context.Context, client *ec2.Client, id *string) (bool, []model.SecretFinding, error) {
	out, err := client.DescribeInstanceAttribute(ctx, &ec2.DescribeInstanceAttributeInput{
		InstanceId: id, Attribute: ec2types.InstanceAttributeNameUserData})
	if err != nil {
		return false, nil, err
	}
	if out.UserData == nil || aws.ToString(out.UserData.Value) == "" {
		return false, []model.SecretFinding{}, nil
	}
	found, err := secretscan.UserDataBase64(aws.ToString(out.UserData.Value))
	if err != nil {
		return true, nil, fmt.Errorf("%w: %v", errUnscannable, err)
	}
	return true, found, nil
}

// errUnscannable is user data that was read but could not be scanned
// (not base64, broken gzip, too large): its secrets are unknown.
var errUnscannable = errors.New("user data could not be scanned for secrets")

func addInstance(ctx context.Context, s *scope, client *ec2.Client, in ec2types.Instance, vols map[string]ec2types.Volume) {
	state := ""
	if in.State != nil {
		state = string(in.State.Name)
	}
	id := aws.ToString(in.InstanceId)
	a := &model.EC2Instance{
		InstanceType:    string(in.InstanceType),
		ImageID:         aws.ToString(in.ImageId),
		State:           state,
		SubnetID:        aws.ToString(in.SubnetId),
		VPCID:           aws.ToString(in.VpcId),
		SecurityGroups:  []string{},
		PublicIP:        aws.ToString(in.PublicIpAddress),
		MetadataOptions: model.MetadataOptions{HTTPEndpoint: "enabled", HTTPTokens: "optional", HTTPPutResponseHopLimit: 1},
		BlockDevices:    []model.BlockDevice{},
		Monitoring:      in.Monitoring != nil && in.Monitoring.State == ec2types.MonitoringStateEnabled,
		EBSOptimized:    aws.ToBool(in.EbsOptimized),
		SecretsFound:    []model.SecretFinding{},
	}
	a.HasPublicIP = a.PublicIP != ""
	if in.IamInstanceProfile != nil {
		a.IAMInstanceProfile = aws.ToString(in.IamInstanceProfile.Arn)
	}
	for _, g := range in.SecurityGroups {
		a.SecurityGroups = append(a.SecurityGroups, aws.ToString(g.GroupId))
	}
	if mo := in.MetadataOptions; mo != nil {
		if mo.HttpEndpoint != "" {
			a.MetadataOptions.HTTPEndpoint = string(mo.HttpEndpoint)
		}
		if mo.HttpTokens != "" {
			a.MetadataOptions.HTTPTokens = string(mo.HttpTokens)
		}
		if mo.HttpPutResponseHopLimit != nil {
			a.MetadataOptions.HTTPPutResponseHopLimit = int(*mo.HttpPutResponseHopLimit)
		}
	}
	rels := []model.Relation{}
	root := aws.ToString(in.RootDeviceName)
	for _, m := range in.BlockDeviceMappings {
		if m.Ebs == nil {
			continue
		}
		d := model.BlockDevice{DeviceName: aws.ToString(m.DeviceName)}
		d.Root = d.DeviceName != "" && d.DeviceName == root
		if v, ok := vols[aws.ToString(m.Ebs.VolumeId)]; ok {
			d.Encrypted = aws.ToBool(v.Encrypted)
			d.KMSKeyID = aws.ToString(v.KmsKeyId)
			d.VolumeSize = int(aws.ToInt32(v.Size))
		}
		a.BlockDevices = append(a.BlockDevices, d)
	}
	if a.SubnetID != "" {
		rels = append(rels, model.Relation{Type: model.RelInSubnet, Target: s.ec2ARN("subnet", a.SubnetID)})
	}
	if a.VPCID != "" {
		rels = append(rels, model.Relation{Type: model.RelInVPC, Target: s.ec2ARN("vpc", a.VPCID)})
	}
	for _, g := range a.SecurityGroups {
		rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: s.ec2ARN("security-group", g)})
	}
	tags := ec2Tags(in.Tags)
	rd := s.reads(s.ec2ARN("instance", id))
	rd.call("DescribeInstanceAttribute", []string{"user_data_present", "secrets_found"}, func() error {
		present, found, err := readUserData(ctx, client, in.InstanceId)
		if errors.Is(err, errUnscannable) {
			a.UserDataPresent = true
			rd.unread("secrets_found")
			return nil
		}
		if err != nil {
			return err
		}
		a.UserDataPresent, a.SecretsFound = present, found
		return nil
	})
	rd.add(model.KindEC2Instance.With(a), ec2Name(tags, id), in, tags, rels...)
}

// ec2ARN builds the ARN of a regional EC2 resource that the API names by id
// only (arn:<partition>:ec2:<region>:<account>:<type>/<id>).
func (s *scope) ec2ARN(typ, id string) string {
	return fmt.Sprintf("arn:%s:ec2:%s:%s:%s/%s", svcPartition(s.region), s.region, s.account, typ, id)
}

// ec2PublicARN builds the ARN of a snapshot or image, which carries no
// account id (arn:<partition>:ec2:<region>::snapshot/<id>).
func (s *scope) ec2PublicARN(typ, id string) string {
	return fmt.Sprintf("arn:%s:ec2:%s::%s/%s", svcPartition(s.region), s.region, typ, id)
}

// ec2Tags turns EC2's tag list into a map (nil when there are none).
func ec2Tags(ts []ec2types.Tag) map[string]string {
	return addTags(nil, ts, func(t ec2types.Tag) (*string, *string) { return t.Key, t.Value })
}

// ec2Name is the Name tag, or the id when there is none.
func ec2Name(tags map[string]string, id string) string {
	if n := tags["Name"]; n != "" {
		return n
	}
	return id
}
