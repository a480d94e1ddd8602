package aws

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// GenerateOptions shape a generated world.
type GenerateOptions struct {
	// Resources is the number of resources to spread over the accounts and
	// regions (roughly: each kind's count is rounded).
	Resources int
	Accounts  int
	Regions   int
	Seed      uint64
	// Misconfigured is the share of resources given a known
	// misconfiguration (default 0.1).
	Misconfigured float64
}

// GeneratedSummary tells what a generated world holds.
type GeneratedSummary struct {
	// Resources counts resources per kind ("ec2.instances").
	Resources map[string]int
	// Misconfigured counts resources given a misconfiguration, per kind.
	Misconfigured map[string]int
}

// Total is the number of resources generated.
func (s GeneratedSummary) Total() int {
	n := 0
	for _, v := range s.Resources {
		n += v
	}
	return n
}

// generatorRegions are the regions a generated world uses, in order.
var generatorRegions = []string{"us-east-1", "eu-west-1", "us-west-2", "eu-central-1", "ap-southeast-1", "ap-northeast-1", "sa-east-1", "ca-central-1"}

// mix is the share of each kind in a generated estate, modelled on real
// ones: network and compute dominate, identity follows, data is spread.
var mix = []struct {
	kind  string
	share float64
	scope string // "global" (per account) or "region"
}{
	{"ec2.vpcs", 0.01, "region"},
	{"ec2.subnets", 0.03, "region"},
	{"ec2.security_groups", 0.17, "region"},
	{"ec2.instances", 0.14, "region"},
	{"ec2.volumes", 0.14, "region"},
	{"ec2.snapshots", 0.09, "region"},
	{"iam.roles", 0.10, "global"},
	{"iam.policies", 0.07, "global"},
	{"iam.users", 0.04, "global"},
	{"s3.buckets", 0.08, "region"},
	{"kms.keys", 0.03, "region"},
	{"sqs.queues", 0.03, "region"},
	{"lambda.functions", 0.03, "region"},
	{"logs.log_groups", 0.04, "region"},
}

// Generate builds a world of about o.Resources resources, the same for the
// same options. A known share is misconfigured the way real estates are:
// SSH open to the internet, IMDSv1, unencrypted volumes, public snapshots
// and buckets, roles trusted by foreign accounts, admin policies, users
// without MFA, keys without rotation.
func Generate(o GenerateOptions) (*World, GeneratedSummary, error) {
	sum := GeneratedSummary{Resources: map[string]int{}, Misconfigured: map[string]int{}}
	if o.Accounts < 1 || o.Regions < 1 || o.Regions > len(generatorRegions) || o.Resources < 0 {
		return nil, sum, fmt.Errorf("generate: want at least 1 account, 1 to %d regions and a non-negative resource count", len(generatorRegions))
	}
	if o.Misconfigured == 0 {
		o.Misconfigured = 0.1
	}
	if o.Misconfigured < 0 || o.Misconfigured > 1 {
		return nil, sum, fmt.Errorf("generate: the misconfigured share must be between 0 and 1")
	}
	g := &generator{rnd: rand.New(rand.NewPCG(o.Seed, o.Seed^0x5eed)), bad: o.Misconfigured, sum: sum,
		now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), vpcs: map[string][]string{}, roles: map[string][]string{}}
	w := &World{Regions: generatorRegions[:o.Regions]}
	for a := 0; a < o.Accounts; a++ {
		acct := Account{ID: fmt.Sprintf("%012d", 100000000000+a*111111111), Name: fmt.Sprintf("account-%d", a+1),
			AccessKey: fmt.Sprintf("AKIAGEN%013d", a+1), Resources: map[string]map[string]any{}}
		if a == 0 {
			acct.Name = "management"
		}
		w.Accounts = append(w.Accounts, acct)
	}
	for _, m := range mix {
		total := int(float64(o.Resources)*m.share + 0.5)
		cells := o.Accounts
		if m.scope == "region" {
			cells *= o.Regions
		}
		for cell := 0; cell < cells; cell++ {
			n := total / cells
			if cell < total%cells {
				n++
			}
			a := &w.Accounts[cell%o.Accounts]
			region := Global
			if m.scope == "region" {
				region = w.Regions[cell/o.Accounts]
			}
			g.acct, g.region = a.ID, region
			if region == Global {
				g.region = w.Regions[0]
			}
			svc, list, _ := strings.Cut(m.kind, ".")
			items := make([]any, 0, n)
			for i := 0; i < n; i++ {
				items = append(items, g.make(m.kind, i))
			}
			if n == 0 {
				continue
			}
			if a.Resources[region] == nil {
				a.Resources[region] = map[string]any{}
			}
			part, _ := a.Resources[region][svc].(map[string]any)
			if part == nil {
				part = map[string]any{}
				a.Resources[region][svc] = part
			}
			part[list] = items
			sum.Resources[m.kind] += n
		}
	}
	// The first account is the organization's management account.
	if w.Accounts[0].Resources[Global] == nil {
		w.Accounts[0].Resources[Global] = map[string]any{}
	}
	w.Accounts[0].Resources[Global]["organizations"] = map[string]any{}
	if err := w.check(); err != nil {
		return nil, sum, fmt.Errorf("generate: %w", err)
	}
	return w, g.sum, nil
}

// Marshal writes a world as a world file.
func (w *World) Marshal() ([]byte, error) { return yaml.Marshal(w) }

type generator struct {
	rnd    *rand.Rand
	bad    float64
	sum    GeneratedSummary
	acct   string
	region string
	now    time.Time
	// vpcs by account/region and roles by account, for references.
	vpcs, roles map[string][]string
}

// misconfigured decides, at the world's share, whether this resource gets
// a misconfiguration, and counts it.
func (g *generator) misconfigured(kind string) bool {
	if g.rnd.Float64() < g.bad {
		g.sum.Misconfigured[kind]++
		return true
	}
	return false
}

func (g *generator) hex(n int) string {
	const digits = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = digits[g.rnd.IntN(16)]
	}
	return string(b)
}

func (g *generator) date(maxDaysAgo int) string {
	return g.now.Add(-time.Duration(g.rnd.IntN(maxDaysAgo*24)) * time.Hour).Format(time.RFC3339)
}

var teams = []string{"payments", "search", "identity", "data", "platform", "web", "mobile", "ml", "billing", "ops"}

func (g *generator) team() string { return teams[g.rnd.IntN(len(teams))] }

func (g *generator) tags(name string) []any {
	return []any{map[string]any{"Key": "Name", "Value": name}, map[string]any{"Key": "team", "Value": g.team()}}
}

const trustEC2 = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`

// make builds the i-th resource of a kind in the current account and
// region, in the API's own shape.
func (g *generator) make(kind string, i int) any {
	id := g.hex(17)
	switch kind {
	case "ec2.vpcs":
		vpc := "vpc-" + id
		g.vpcs[g.acct+g.region] = append(g.vpcs[g.acct+g.region], vpc)
		return map[string]any{"VpcId": vpc, "CidrBlock": fmt.Sprintf("10.%d.0.0/16", i%250), "State": "available",
			"OwnerId": g.acct, "IsDefault": i == 0, "Tags": g.tags(fmt.Sprintf("%s-vpc-%d", g.team(), i))}
	case "ec2.subnets":
		return map[string]any{"SubnetId": "subnet-" + id, "VpcId": g.vpc(), "CidrBlock": fmt.Sprintf("10.%d.%d.0/24", i%250, i%200),
			"AvailabilityZone": g.region + "a", "MapPublicIpOnLaunch": g.misconfigured(kind), "State": "available", "OwnerId": g.acct}
	case "ec2.security_groups":
		cidr := "10.0.0.0/8"
		if g.misconfigured(kind) {
			cidr = "0.0.0.0/0"
		}
		name := fmt.Sprintf("%s-sg-%d", g.team(), i)
		return map[string]any{"GroupId": "sg-" + id, "GroupName": name, "Description": "generated", "VpcId": g.vpc(), "OwnerId": g.acct,
			"IpPermissions": []any{map[string]any{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
				"IpRanges": []any{map[string]any{"CidrIp": cidr}}}},
			"IpPermissionsEgress": []any{map[string]any{"IpProtocol": "-1", "IpRanges": []any{map[string]any{"CidrIp": "0.0.0.0/0"}}}},
			"Tags":                g.tags(name)}
	case "ec2.instances":
		tokens := "required"
		in := map[string]any{"InstanceId": "i-" + id, "InstanceType": "t3.medium", "ImageId": "ami-" + g.hex(17),
			"State": map[string]any{"Name": "running", "Code": 16}, "VpcId": g.vpc(), "SubnetId": "subnet-" + g.hex(17),
			"LaunchTime": g.date(400), "PrivateIpAddress": fmt.Sprintf("10.0.%d.%d", i%250, i%200+10), "Tags": g.tags(fmt.Sprintf("%s-%d", g.team(), i))}
		if g.misconfigured(kind) {
			tokens = "optional"
			in["PublicIpAddress"] = fmt.Sprintf("54.%d.%d.%d", g.rnd.IntN(250), g.rnd.IntN(250), g.rnd.IntN(250)+1)
		}
		in["MetadataOptions"] = map[string]any{"HttpTokens": tokens, "HttpEndpoint": "enabled", "State": "applied"}
		return in
	case "ec2.volumes":
		return map[string]any{"VolumeId": "vol-" + id, "Size": 8 << g.rnd.IntN(6), "VolumeType": "gp3", "State": "in-use",
			"AvailabilityZone": g.region + "a", "Encrypted": !g.misconfigured(kind), "CreateTime": g.date(700)}
	case "ec2.snapshots":
		sn := map[string]any{"SnapshotId": "snap-" + id, "VolumeId": "vol-" + g.hex(17), "VolumeSize": 8, "State": "completed",
			"OwnerId": g.acct, "Encrypted": true, "StartTime": g.date(700), "Description": "backup"}
		if g.misconfigured(kind) {
			sn["Encrypted"] = false
			sn["create_volume_permissions"] = []any{map[string]any{"Group": "all"}}
		}
		return sn
	case "iam.roles":
		name := fmt.Sprintf("%s-role-%d", g.team(), i)
		g.roles[g.acct] = append(g.roles[g.acct], name)
		trust := trustEC2
		if g.misconfigured(kind) {
			trust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"sts:AssumeRole"}]}`
		}
		return map[string]any{"role": map[string]any{"RoleName": name, "RoleId": "AROA" + strings.ToUpper(g.hex(16)), "Path": "/",
			"Arn": "arn:aws:iam::" + g.acct + ":role/" + name, "CreateDate": g.date(900), "AssumeRolePolicyDocument": trust, "MaxSessionDuration": 3600},
			"attached_policies": []any{"arn:aws:iam::aws:policy/ReadOnlyAccess"}}
	case "iam.policies":
		name := fmt.Sprintf("%s-policy-%d", g.team(), i)
		doc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::` + g.team() + `-data/*"}]}`
		if g.misconfigured(kind) {
			doc = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`
		}
		return map[string]any{"policy": map[string]any{"PolicyName": name, "PolicyId": "ANPA" + strings.ToUpper(g.hex(16)), "Path": "/",
			"Arn": "arn:aws:iam::" + g.acct + ":policy/" + name, "CreateDate": g.date(900), "IsAttachable": true},
			"versions": []any{map[string]any{"VersionId": "v1", "IsDefaultVersion": true, "Document": doc, "CreateDate": g.date(900)}}}
	case "iam.users":
		name := fmt.Sprintf("user-%d", i)
		u := map[string]any{"user": map[string]any{"UserName": name, "UserId": "AIDA" + strings.ToUpper(g.hex(16)), "Path": "/",
			"Arn": "arn:aws:iam::" + g.acct + ":user/" + name, "CreateDate": g.date(1500)},
			"login_profile": map[string]any{"UserName": name, "CreateDate": g.date(1500)}}
		keyAge := 30
		if g.misconfigured(kind) {
			keyAge = 400 // an old key, and no MFA
		} else {
			u["mfa_devices"] = []any{map[string]any{"UserName": name, "SerialNumber": "arn:aws:iam::" + g.acct + ":mfa/" + name, "EnableDate": g.date(1000)}}
		}
		u["access_keys"] = []any{map[string]any{"key": map[string]any{"UserName": name, "AccessKeyId": "AKIA" + strings.ToUpper(g.hex(16)),
			"Status": "Active", "CreateDate": g.now.AddDate(0, 0, -keyAge).Format(time.RFC3339)}}}
		return u
	case "s3.buckets":
		name := fmt.Sprintf("%s-%s-%s", g.team(), g.hex(8), g.region)
		b := map[string]any{"name": name, "creation_date": g.date(1500),
			"encryption":         map[string]any{"Rules": []any{map[string]any{"ApplyServerSideEncryptionByDefault": map[string]any{"SSEAlgorithm": "AES256"}}}},
			"ownership_controls": map[string]any{"Rules": []any{map[string]any{"ObjectOwnership": "BucketOwnerEnforced"}}},
			"versioning":         map[string]any{"Status": "Enabled"}}
		if g.misconfigured(kind) {
			b["public_access_block"] = map[string]any{"BlockPublicAcls": false, "IgnorePublicAcls": false, "BlockPublicPolicy": false, "RestrictPublicBuckets": false}
			b["policy"] = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::` + name + `/*"}]}`
		} else {
			b["public_access_block"] = map[string]any{"BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": true, "RestrictPublicBuckets": true}
		}
		return b
	case "kms.keys":
		kid := fmt.Sprintf("%s-%s-%s-%s-%s", g.hex(8), g.hex(4), g.hex(4), g.hex(4), g.hex(12))
		return map[string]any{"KeyId": kid, "KeyManager": "CUSTOMER", "KeySpec": "SYMMETRIC_DEFAULT", "KeyUsage": "ENCRYPT_DECRYPT",
			"KeyState": "Enabled", "Enabled": true, "Origin": "AWS_KMS", "CreationDate": g.date(900),
			"rotation_enabled": !g.misconfigured(kind), "aliases": []any{fmt.Sprintf("alias/%s-%d", g.team(), i)}}
	case "sqs.queues":
		attrs := map[string]any{"SqsManagedSseEnabled": "true"}
		if g.misconfigured(kind) {
			attrs["SqsManagedSseEnabled"] = "false"
		}
		return map[string]any{"name": fmt.Sprintf("%s-jobs-%d", g.team(), i), "attributes": attrs}
	case "lambda.functions":
		name := fmt.Sprintf("%s-fn-%d", g.team(), i)
		f := map[string]any{"FunctionName": name, "Runtime": "python3.12", "Handler": "app.handler", "MemorySize": 256, "Timeout": 30,
			"Role": "arn:aws:iam::" + g.acct + ":role/" + g.role(), "LastModified": g.now.Format("2006-01-02T15:04:05.000-0700")}
		if g.misconfigured(kind) {
			f["policy"] = `{"Version":"2012-10-17","Statement":[{"Sid":"public","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:` + g.region + `:` + g.acct + `:function:` + name + `"}]}`
		}
		return f
	case "logs.log_groups":
		lg := map[string]any{"LogGroupName": fmt.Sprintf("/aws/%s/%d", g.team(), i), "CreationTime": g.now.UnixMilli(), "StoredBytes": g.rnd.IntN(1 << 30)}
		if !g.misconfigured(kind) {
			lg["RetentionInDays"] = 365
			lg["KmsKeyId"] = "arn:aws:kms:" + g.region + ":" + g.acct + ":key/" + g.hex(8)
		}
		return lg
	}
	panic("generate: no generator for " + kind)
}

// vpc is one of the account's VPCs in this region, or a made-up one.
func (g *generator) vpc() string {
	l := g.vpcs[g.acct+g.region]
	if len(l) == 0 {
		return "vpc-" + g.hex(17)
	}
	return l[g.rnd.IntN(len(l))]
}

// role is one of the account's roles, or a made-up one.
func (g *generator) role() string {
	l := g.roles[g.acct]
	if len(l) == 0 {
		return "lambda-exec"
	}
	return l[g.rnd.IntN(len(l))]
}
