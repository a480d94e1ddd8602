package drift

import (
	"strings"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// How a state resource finds its live twin: the id the live collector
// (collect/aws) gives the same resource, built from what Terraform records.
// Almost every kind's live id is its ARN, which Terraform keeps in the
// `arn` attribute; S3 is the exception, whose collector builds the ARN from
// the bucket name in the aws partition. A kind is listed here only once a
// test matched it against the collector's output (drift/state_test.go); the
// others are counted as unsupported, never silently dropped.
var idRules = map[string]func(in *instance.Instance) string{
	model.KindS3Bucket.Name(): func(in *instance.Instance) string {
		if b := str(in, "bucket"); b != "" {
			return "arn:aws:s3:::" + b
		}
		return ""
	},
	model.KindEC2SecurityGroup.Name(): arnAttr,
	model.KindEC2VPC.Name():           arnAttr,
	model.KindEC2Subnet.Name():        arnAttr,
	model.KindIAMRole.Name():          arnAttr,
	model.KindSQSQueue.Name():         arnAttr,
	model.KindSNSTopic.Name():         arnAttr,
	model.KindEC2Volume.Name():        arnAttr,
	model.KindEC2Instance.Name():      arnAttr,
	model.KindECRRepository.Name():    arnAttr,
	// Log group ARNs of provider v2 and the DescribeLogGroups `arn`
	// member end in ":*"; the collector's id does not.
	model.KindCloudWatchLogGroup.Name(): func(in *instance.Instance) string { return strings.TrimSuffix(str(in, "arn"), ":*") },
}

// IDRules lists the kinds drift matches, each with how: documentation and
// `vigil drift --help` print it.
func IDRules() map[string]string {
	out := make(map[string]string, len(idRules))
	for k := range idRules {
		out[k] = "arn attribute"
	}
	out[model.KindS3Bucket.Name()] = "arn:aws:s3:::<bucket>"
	out[model.KindCloudWatchLogGroup.Name()] = "arn attribute, without a trailing :*"
	return out
}

func arnAttr(in *instance.Instance) string { return str(in, "arn") }

func str(in *instance.Instance, attr string) string {
	s, _ := in.Values[attr].(string)
	return s
}

// liveID returns the id the live collector gives the resource of kind
// that in declares; false when drift has no rule for the kind or the
// state lacks what the rule needs.
func liveID(kind string, in *instance.Instance) (string, bool) {
	rule, ok := idRules[kind]
	if !ok {
		return "", false
	}
	id := rule(in)
	return id, id != ""
}

// placeOf is the account and region of a state resource: from its ARN
// (arn:partition:service:region:account:resource), the region from the
// `region` attribute when the ARN has none (S3 buckets, AWS provider v4+),
// and the state's only account when the ARN names none.
func placeOf(id string, in *instance.Instance, defaultAccount string) (account, region string) {
	if p := strings.SplitN(id, ":", 6); len(p) == 6 && p[0] == "arn" {
		region, account = p[3], p[4]
	}
	if region == "" {
		region = str(in, "region")
	}
	if account == "" {
		account = defaultAccount
	}
	return account, region
}

// soleAccount is the one account every ARN in the state names, or "".
func soleAccount(insts []*instance.Instance) string {
	acct := ""
	for _, in := range insts {
		p := strings.SplitN(str(in, "arn"), ":", 6)
		if len(p) != 6 || p[4] == "" {
			continue
		}
		if acct != "" && acct != p[4] {
			return ""
		}
		acct = p[4]
	}
	return acct
}

// alsoManaged are the live ids of resources a state resource manages
// without a resource of their own: an instance's root and EBS block
// devices, which the state records by volume id, are no unmanaged volumes.
func alsoManaged(kind, id string, in *instance.Instance) []string {
	if kind != model.KindEC2Instance.Name() {
		return nil
	}
	p := strings.SplitN(id, ":", 6)
	if len(p) != 6 {
		return nil
	}
	var out []string
	for _, attr := range []string{"root_block_device", "ebs_block_device"} {
		for _, d := range instance.Blocks(in.Values[attr]) {
			if v, _ := d["volume_id"].(string); v != "" {
				out = append(out, strings.Join(p[:5], ":")+":volume/"+v)
			}
		}
	}
	return out
}
