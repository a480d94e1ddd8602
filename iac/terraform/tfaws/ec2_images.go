package tfaws

import (
	"github.com/vigil-sec/vigil/model"
)

// AMIs and EBS snapshots: aws_ami and aws_ami_copy become aws.ec2.image,
// public when an aws_ami_launch_permission grants the group "all";
// aws_ebs_snapshot and aws_ebs_snapshot_copy become aws.ec2.snapshot.
// Terraform cannot make a snapshot public (its create-volume permission
// names one account), so a declared snapshot is not public.
var imageTypes = []string{"aws_ami", "aws_ami_copy"}

func init() {
	registerParent("aws_ami", model.KindEC2Image, func(b *Builder) {
		a := model.KindEC2Image.Must(b.R)
		b.NameFrom("name")
		a.Encrypted = true
		for i := range b.Blocks("ebs_block_device") {
			tf := model.Path("ebs_block_device", i)
			// A device registered from a snapshot is encrypted when the
			// snapshot is, which the configuration does not show.
			if !b.Has(tf+".encrypted") && b.Has(tf+".snapshot_id") {
				b.R.MarkUnknown("encrypted")
				continue
			}
			if !b.Bool(tf+".encrypted", "encrypted", false) {
				a.Encrypted = false
			}
		}
	})
	registerParent("aws_ami_copy", model.KindEC2Image, func(b *Builder) {
		a := model.KindEC2Image.Must(b.R)
		b.NameFrom("name")
		// A copy of an encrypted AMI is encrypted whatever encrypted says;
		// only encrypted = true decides it here.
		a.Encrypted = b.Bool("encrypted", "encrypted", false)
		if !a.Encrypted {
			b.R.MarkUnknown("encrypted")
		}
	})
	registerChild("aws_ami_launch_permission", "image_id", imageTypes, func(p *Builder, c *Child) {
		if c.String("group", "", "") == "all" {
			model.KindEC2Image.Must(p.R).Public = true
			c.locateOn(p.R, "group", "public")
		}
	})
	registerParent("aws_ebs_snapshot", model.KindEC2Snapshot, func(b *Builder) {
		a := model.KindEC2Snapshot.Must(b.R)
		a.VolumeID = b.String("volume_id", "volume_id", "")
		// A snapshot is encrypted when its volume is: not known here.
		b.R.MarkUnknown("encrypted")
	})
	registerParent("aws_ebs_snapshot_copy", model.KindEC2Snapshot, func(b *Builder) {
		a := model.KindEC2Snapshot.Must(b.R)
		// A copy of an encrypted snapshot is encrypted whatever encrypted
		// says; only encrypted = true decides it here.
		a.Encrypted = b.Bool("encrypted", "encrypted", false)
		if !a.Encrypted {
			b.R.MarkUnknown("encrypted")
		}
	})
}
