package aws

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/vigil-sec/vigil/internal/secretscan"
	"github.com/vigil-sec/vigil/model"
)

// collectSnapshots records the account's own EBS snapshots; public when
// the create-volume permission names the group "all". When that attribute
// cannot be read, public is marked unknown.
func collectSnapshots(ctx context.Context, s *scope, client *ec2.Client) {
	p := ec2.NewDescribeSnapshotsPaginator(client, &ec2.DescribeSnapshotsInput{OwnerIds: []string{"self"}, MaxResults: aws.Int32(1000)})
	var snapshots []ec2types.Snapshot
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeSnapshots", err)
			return
		}
		snapshots = append(snapshots, page.Snapshots...)
	}
	forEach(s, snapshots, func(sn ec2types.Snapshot) {
		id := aws.ToString(sn.SnapshotId)
		a := &model.EC2Snapshot{
			Encrypted: aws.ToBool(sn.Encrypted),
			VolumeID:  aws.ToString(sn.VolumeId),
		}
		raw := map[string]any{"Snapshot": sn}
		rd := s.reads(s.ec2PublicARN("snapshot", id))
		rd.call("DescribeSnapshotAttribute", []string{"public"}, func() error {
			attr, err := client.DescribeSnapshotAttribute(ctx, &ec2.DescribeSnapshotAttributeInput{
				SnapshotId: sn.SnapshotId, Attribute: ec2types.SnapshotAttributeNameCreateVolumePermission})
			if err != nil {
				return err
			}
			raw["CreateVolumePermissions"] = attr.CreateVolumePermissions
			for _, perm := range attr.CreateVolumePermissions {
				if perm.Group == ec2types.PermissionGroupAll {
					a.Public = true
				}
			}
			return nil
		})
		var rels []model.Relation
		if k := aws.ToString(sn.KmsKeyId); k != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: k})
		}
		tags := ec2Tags(sn.Tags)
		rd.add(model.KindEC2Snapshot.With(a), ec2Name(tags, id), raw, tags, rels...)
	})
}

// collectImages records the account's own AMIs; public from the image's
// Public flag or, when that is not set, its launch permission.
func collectImages(ctx context.Context, s *scope, client *ec2.Client) {
	p := ec2.NewDescribeImagesPaginator(client, &ec2.DescribeImagesInput{Owners: []string{"self"}, MaxResults: aws.Int32(1000)})
	var images []ec2types.Image
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeImages", err)
			return
		}
		images = append(images, page.Images...)
	}
	forEach(s, images, func(im ec2types.Image) {
		id := aws.ToString(im.ImageId)
		a := &model.EC2Image{Public: aws.ToBool(im.Public), Encrypted: true}
		for _, m := range im.BlockDeviceMappings {
			if m.Ebs != nil && !aws.ToBool(m.Ebs.Encrypted) {
				a.Encrypted = false
			}
		}
		raw := map[string]any{"Image": im}
		rd := s.reads(s.ec2PublicARN("image", id))
		// The Public flag, when set, answers alone.
		if !a.Public {
			var fills []string
			if im.Public == nil {
				fills = []string{"public"}
			}
			rd.call("DescribeImageAttribute", fills, func() error {
				attr, err := client.DescribeImageAttribute(ctx, &ec2.DescribeImageAttributeInput{
					ImageId: im.ImageId, Attribute: ec2types.ImageAttributeNameLaunchPermission})
				if err != nil {
					return err
				}
				raw["LaunchPermissions"] = attr.LaunchPermissions
				for _, perm := range attr.LaunchPermissions {
					if perm.Group == ec2types.PermissionGroupAll {
						a.Public = true
					}
				}
				return nil
			})
		}
		tags := ec2Tags(im.Tags)
		name := aws.ToString(im.Name)
		if name == "" {
			name = ec2Name(tags, id)
		}
		rd.add(model.KindEC2Image.With(a), name, raw, tags)
	})
}

// collectLaunchTemplates records launch templates with the settings of
// their default version, with the provider's defaults (IMDS endpoint
// enabled, tokens optional, hop limit 1) where the template leaves them
// unset, as the Terraform adapter reads them, and the secrets found in the
// user data of the default and the latest version (what a launch without
// a version and one asking for $Latest get). The user data is scanned
// and dropped: raw keeps "(redacted)" in its place.
func collectLaunchTemplates(ctx context.Context, s *scope, client *ec2.Client) {
	p := ec2.NewDescribeLaunchTemplatesPaginator(client, &ec2.DescribeLaunchTemplatesInput{MaxResults: aws.Int32(200)})
	var templates []ec2types.LaunchTemplate
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeLaunchTemplates", err)
			return
		}
		templates = append(templates, page.LaunchTemplates...)
	}
	forEach(s, templates, func(lt ec2types.LaunchTemplate) {
		id := aws.ToString(lt.LaunchTemplateId)
		a := &model.EC2LaunchTemplate{
			Name:            aws.ToString(lt.LaunchTemplateName),
			MetadataOptions: model.MetadataOptions{HTTPEndpoint: "enabled", HTTPTokens: "optional", HTTPPutResponseHopLimit: 1},
			BlockDevices:    []model.BlockDevice{},
			SecretsFound:    []model.SecretFinding{},
		}
		raw := map[string]any{"LaunchTemplate": lt}
		rd := s.reads(s.ec2ARN("launch-template", id))
		rd.call("DescribeLaunchTemplateVersions", []string{"metadata_options", "block_devices", "has_public_ip", "secrets_found"}, func() error {
			vs, err := client.DescribeLaunchTemplateVersions(ctx, &ec2.DescribeLaunchTemplateVersionsInput{
				LaunchTemplateId: lt.LaunchTemplateId, Versions: []string{"$Default", "$Latest"}})
			if err != nil {
				return err
			}
			scanned := true
			seen := map[int64]bool{}
			for _, v := range vs.LaunchTemplateVersions {
				// When the default is the latest, one version answers both
				// names (moto lists it twice).
				if seen[aws.ToInt64(v.VersionNumber)] {
					continue
				}
				seen[aws.ToInt64(v.VersionNumber)] = true
				def := aws.ToBool(v.DefaultVersion)
				if v.LaunchTemplateData != nil && aws.ToString(v.LaunchTemplateData.UserData) != "" {
					found, err := secretscan.UserDataBase64(aws.ToString(v.LaunchTemplateData.UserData))
					if err != nil {
						scanned = false
					}
					for _, f := range found {
						if !def {
							f.Location = fmt.Sprintf("latest version (%d) %s", aws.ToInt64(v.VersionNumber), f.Location)
						}
						a.SecretsFound = append(a.SecretsFound, f)
					}
					d := *v.LaunchTemplateData
					d.UserData = aws.String("(redacted)")
					v.LaunchTemplateData = &d
				}
				if def {
					raw["DefaultVersion"] = v
					readLaunchTemplateData(a, v.LaunchTemplateData)
				} else {
					raw["LatestVersion"] = v
				}
			}
			if !scanned && len(a.SecretsFound) == 0 {
				rd.unread("secrets_found")
			}
			return nil
		})
		rd.add(model.KindEC2LaunchTemplate.With(a), a.Name, raw, ec2Tags(lt.Tags))
	})
}

func readLaunchTemplateData(a *model.EC2LaunchTemplate, d *ec2types.ResponseLaunchTemplateData) {
	if d == nil {
		return
	}
	if mo := d.MetadataOptions; mo != nil {
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
	for _, m := range d.BlockDeviceMappings {
		bd := model.BlockDevice{DeviceName: aws.ToString(m.DeviceName)}
		if m.Ebs != nil {
			bd.Encrypted = aws.ToBool(m.Ebs.Encrypted)
			bd.KMSKeyID = aws.ToString(m.Ebs.KmsKeyId)
			bd.VolumeSize = int(aws.ToInt32(m.Ebs.VolumeSize))
		}
		a.BlockDevices = append(a.BlockDevices, bd)
	}
	for _, ni := range d.NetworkInterfaces {
		if aws.ToBool(ni.AssociatePublicIpAddress) {
			a.HasPublicIP = true
		}
	}
}
