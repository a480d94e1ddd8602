package aws

import (
	"encoding/json"
	"reflect"
	"sort"
	"testing"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// ec2AgreeTF is the Terraform twin of the security groups and instances
// seedEC2 creates. The egress block is spelled out because Terraform drops
// AWS's default allow-all egress rule unless it is declared.
const ec2AgreeTF = `
resource "aws_security_group" "open" {
  name        = "ssh-open"
  description = "ssh-open group"
  vpc_id      = "vpc-0123"
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
    description = "anyone"
  }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "office" {
  name        = "ssh-office"
  description = "ssh-office group"
  vpc_id      = "vpc-0123"
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["10.0.0.0/8"]
    description = "office"
  }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "all" {
  name        = "all-open"
  description = "all-open group"
  vpc_id      = "vpc-0123"
  ingress {
    protocol         = "-1"
    from_port        = 0
    to_port          = 0
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
  ingress {
    protocol        = "-1"
    from_port       = 0
    to_port         = 0
    security_groups = ["sg-0123"]
    description     = "peers"
  }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "imdsv1" {
  ami                         = "ami-0123"
  instance_type               = "t3.micro"
  subnet_id                   = "subnet-0123"
  associate_public_ip_address = false
  # The script seedEC2 gives it, gzip-compressed there, plain here.
  user_data = "#!/bin/bash\nyum install -y jq\nexport AWS_ACCESS_KEY_ID=AKIAZ7VRSQ5TLWJRXQ4M\n"
  root_block_device {
    volume_size = 8
    encrypted   = false
  }
  tags = { Name = "imdsv1" }
}

resource "aws_instance" "imdsv2" {
  ami                         = "ami-0123"
  instance_type               = "t3.micro"
  subnet_id                   = "subnet-0123"
  associate_public_ip_address = false
  monitoring                  = true
  ebs_optimized               = true
  # The instance profile seedEC2 gives it (AWS-EC2-200 passes).
  iam_instance_profile = "web"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    volume_size = 8
    encrypted   = true
  }
  tags = { Name = "imdsv2" }
}
`

// TestEC2LiveAgreesWithTerraform maps equivalent Terraform through the IaC
// loader and checks that the same rules fail on the same security groups
// and instances as on the live ones collected from moto.
func TestEC2LiveAgreesWithTerraform(t *testing.T) {
	srv := moto.Start(t)
	seedEC2(t, srv)
	live := collectMoto(t, srv, []string{"ec2"})
	noErrors(t, live)

	tfResources := loadTerraform(t, ec2AgreeTF)

	// Key each resource by kind and name (a Terraform instance's name may
	// be its address: use its Name tag, as the live collector does).
	key := func(r *model.Resource) string {
		if n := r.Tags["Name"]; n != "" {
			return r.Kind + " " + n
		}
		return r.Kind + " " + r.Name
	}
	rules := func(rs []*model.Resource) map[string][]string {
		out := map[string][]string{}
		fails := failingByResource(t, rs)
		for _, r := range rs {
			if r.Kind != "aws.ec2.security_group" && r.Kind != "aws.ec2.instance" {
				continue
			}
			ids := []string{}
			for id := range fails[r.ID] {
				if !liveOnlyRules[id] {
					ids = append(ids, id)
				}
			}
			sort.Strings(ids)
			out[key(r)] = ids
		}
		return out
	}
	liveRules, tfRules := rules(live.Resources), rules(tfResources)
	t.Logf("live: %v", liveRules)
	for _, k := range []string{
		"aws.ec2.security_group ssh-open", "aws.ec2.security_group ssh-office", "aws.ec2.security_group all-open",
		"aws.ec2.instance imdsv1", "aws.ec2.instance imdsv2",
	} {
		l, ok1 := liveRules[k]
		f, ok2 := tfRules[k]
		if !ok1 || !ok2 {
			t.Errorf("%s: live %v terraform %v (keys live %v, terraform %v)", k, ok1, ok2, keys(liveRules), keys(tfRules))
			continue
		}
		if !reflect.DeepEqual(l, f) {
			t.Errorf("%s: live fails %v, terraform fails %v", k, l, f)
		}
	}
	// The normalized rules themselves agree. The Terraform adapter leaves
	// unset rule lists null where the live collector (like CloudFormation)
	// writes []; rules read both alike, so the comparison does too.
	sg := func(rs []*model.Resource, name string) *model.EC2SecurityGroup {
		for _, r := range rs {
			if r.Kind == "aws.ec2.security_group" && r.Name == name {
				return r.Attributes.(*model.EC2SecurityGroup)
			}
		}
		t.Fatalf("no group %s", name)
		return nil
	}
	for _, name := range []string{"ssh-open", "ssh-office"} {
		l, f := sg(live.Resources, name), sg(tfResources, name)
		f.Ingress, f.Egress = emptyLists(f.Ingress), emptyLists(f.Egress)
		lj, _ := json.Marshal([]any{l.Name, l.Description, l.IsDefault, l.Ingress, l.Egress})
		fj, _ := json.Marshal([]any{f.Name, f.Description, f.IsDefault, f.Ingress, f.Egress})
		if string(lj) != string(fj) {
			t.Errorf("%s:\n live      %s\n terraform %s", name, lj, fj)
		}
	}
	// The twins really differ, so agreement is not vacuous.
	if reflect.DeepEqual(liveRules["aws.ec2.security_group ssh-open"], liveRules["aws.ec2.security_group ssh-office"]) ||
		reflect.DeepEqual(liveRules["aws.ec2.instance imdsv1"], liveRules["aws.ec2.instance imdsv2"]) {
		t.Errorf("twins fail alike: %v", liveRules)
	}
}

func emptyLists(rs []model.SecurityGroupRule) []model.SecurityGroupRule {
	out := make([]model.SecurityGroupRule, len(rs))
	for i, r := range rs {
		for _, l := range []*[]string{&r.CIDRBlocks, &r.IPv6CIDRBlocks, &r.SecurityGroups, &r.PrefixLists} {
			if *l == nil {
				*l = []string{}
			}
		}
		out[i] = r
	}
	return out
}

func keys(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
