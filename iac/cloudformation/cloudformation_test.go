package cloudformation

import (
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/model"
)

func parseFile(t *testing.T, name string, params map[string]string) (map[string]*model.Resource, []error) {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	rs, errs := Parse(name, data, params)
	out := map[string]*model.Resource{}
	for _, r := range rs {
		out[strings.TrimPrefix(r.ID, name+":")] = r
	}
	return out, errs
}

func mustParse(t *testing.T, name string) map[string]*model.Resource {
	t.Helper()
	rs, errs := parseFile(t, name, nil)
	for _, e := range errs {
		t.Errorf("unexpected error: %v", e)
	}
	return rs
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"version", "AWSTemplateFormatVersion: '2010-09-09'\n", true},
		{"resources only", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n", true},
		{"json", `{"Resources": {"B": {"Type": "AWS::SNS::Topic"}}}`, true},
		{"kubernetes", "apiVersion: v1\nkind: Pod\nmetadata: {name: AWS}\n", false},
		{"other resources", "Resources:\n  B:\n    Type: Custom::Thing # AWS\n", false},
		{"not yaml", "{{{ AWS", false},
		{"truncated yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {a: [", true},
		{"truncated resources", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Name: \"abc", true},
		{"truncated json", "{\n  \"Resources\": {\n    \"B\": {\n      \"Type\": \"AWS::S3::Bucket\",\n      \"Properties\": {\"A\": \"", true},
		{"truncated other", "kind: Pod\nmetadata: {name: \"AWS", false},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.data)); got != tt.want {
			t.Errorf("%s: Detect = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestAppTemplate(t *testing.T) {
	rs := mustParse(t, "app.yaml")
	if _, ok := rs["DevBucket"]; ok {
		t.Error("DevBucket has Condition IsDev (false) and must not be emitted")
	}
	if _, ok := rs["LogsPolicy"]; ok {
		t.Error("the bucket policy must be joined into its bucket, not emitted")
	}

	b := rs["LogsBucket"]
	if b == nil {
		t.Fatal("LogsBucket missing")
	}
	a := b.Attributes.(*model.S3Bucket)
	if b.Name != "prod-logs-123456789012" || a.Name != b.Name {
		t.Errorf("name = %q / %q", b.Name, a.Name)
	}
	if a.CannedACL != "log-delivery-write" || !a.Versioning.Enabled {
		t.Errorf("acl %q versioning %v", a.CannedACL, a.Versioning.Enabled)
	}
	if a.Encryption.Algorithm != "aws:kms" || a.Encryption.KMSKeyID != "Key.Arn" || !a.Encryption.BucketKeyEnabled {
		t.Errorf("encryption = %+v", a.Encryption)
	}
	if a.Policy == nil || len(a.Policy.Statements) != 1 || a.Policy.Statements[0].Principals["AWS"][0] != "*" ||
		a.Policy.Statements[0].Resources[0] != "arn:aws:s3:::LogsBucket/*" {
		t.Errorf("policy = %+v", a.Policy)
	}
	pab := a.PublicAccessBlock
	if !pab.BlockPublicACLs || !pab.BlockPublicPolicy || pab.RestrictPublicBuckets {
		t.Errorf("public access block = %+v", pab)
	}
	if !reflect.DeepEqual(b.Unknown, []string{"public_access_block.restrict_public_buckets", "versioning.mfa_delete"}) {
		t.Errorf("unknown = %v", b.Unknown)
	}
	if b.Tags["env"] != "prod" {
		t.Errorf("tags = %v", b.Tags)
	}
	if !hasRelation(b, model.RelEncryptedBy, "app.yaml:Key") {
		t.Errorf("relations = %v", b.Relations)
	}
	// Locations: the block, a property, and the joined policy's block.
	if b.Location.String() != "app.yaml:24-44" {
		t.Errorf("location = %v", b.Location)
	}
	if l := b.LocationOf("versioning.enabled"); l.StartLine != 30 {
		t.Errorf("versioning.enabled at %v", l)
	}
	if l := b.LocationOf("policy.statements[0].effect"); l.StartLine != 49 {
		t.Errorf("policy at %v", l)
	}
	if len(b.Ignores) != 1 || b.Ignores[0].RuleID != "AWS-S3-001" {
		t.Errorf("ignores = %+v", b.Ignores)
	}

	sg := rs["Web"].Attributes.(*model.EC2SecurityGroup)
	if len(sg.Ingress) != 2 || sg.Ingress[1].FromPort != 22 || sg.Ingress[1].Protocol != "tcp" ||
		sg.Ingress[1].CIDRBlocks[0] != "10.0.0.0/8" {
		t.Errorf("ingress = %+v", sg.Ingress)
	}
	if l := rs["Web"].LocationOf("ingress[1].cidr_blocks"); l.StartLine != 80 {
		t.Errorf("joined ingress rule located at %v, want the standalone resource's line 80", l)
	}
	if len(sg.Egress) != 1 || sg.Egress[0].Protocol != "-1" || sg.Egress[0].CIDRBlocks[0] != "0.0.0.0/0" {
		t.Errorf("default egress = %+v", sg.Egress)
	}
	if !reflect.DeepEqual(rs["Web"].Unknown, []string{"name", "network_interface_count"}) {
		t.Errorf("sg unknown = %v", rs["Web"].Unknown)
	}

	if !reflect.DeepEqual(rs["Vpc"].Unknown, []string{"cidr_block"}) {
		t.Errorf("vpc unknown = %v (CidrBlock is !If on a condition of a parameter without default)", rs["Vpc"].Unknown)
	}
	lg := rs["Logs"].Attributes.(*model.CloudWatchLogGroup)
	if lg.Name != "app/prod/subnet-b" || lg.RetentionInDays != 365 {
		t.Errorf("log group = %+v", lg)
	}

	fn := rs["Fn"].Attributes.(*model.LambdaFunction)
	if fn.Name != "a-b-c" || fn.Role != "FnRole.Arn" || fn.VPCConfigured {
		t.Errorf("function = %+v", fn)
	}
	if !reflect.DeepEqual(fn.EnvironmentVarNames, []string{"B"}) {
		t.Errorf("env names = %v (A is AWS::NoValue)", fn.EnvironmentVarNames)
	}
	if len(fn.Permissions) != 1 || fn.Permissions[0].Principal != "*" || fn.Permissions[0].StatementID != "FnPerm" {
		t.Errorf("permissions = %+v", fn.Permissions)
	}
	if !hasRelation(rs["Fn"], model.RelUsesRole, "app.yaml:FnRole") {
		t.Errorf("fn relations = %v", rs["Fn"].Relations)
	}
}

func TestParamsOverride(t *testing.T) {
	rs, errs := parseFile(t, "app.yaml", map[string]string{"Env": "dev", "VpcCidr": "172.16.0.0/16"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if _, ok := rs["DevBucket"]; !ok {
		t.Error("DevBucket must be emitted when Env=dev")
	}
	if got := rs["Vpc"].Attributes.(*model.EC2VPC).CIDRBlock; got != "172.16.0.0/16" || len(rs["Vpc"].Unknown) != 0 {
		t.Errorf("vpc cidr = %q unknown %v", got, rs["Vpc"].Unknown)
	}
	a := rs["LogsBucket"].Attributes.(*model.S3Bucket)
	if a.PublicAccessBlock.BlockPublicPolicy || !a.PublicAccessBlock.RestrictPublicBuckets {
		t.Errorf("public access block = %+v", a.PublicAccessBlock)
	}
	if got := rs["Logs"].Attributes.(*model.CloudWatchLogGroup).RetentionInDays; got != 7 {
		t.Errorf("retention = %d", got)
	}
}

func TestJSONAndYAMLAgree(t *testing.T) {
	y := mustParse(t, "equiv.yaml")
	j := mustParse(t, "equiv.json")
	if len(y) != 2 || len(j) != 2 {
		t.Fatalf("yaml %d resources, json %d; want 2 each", len(y), len(j))
	}
	for id, yr := range y {
		jr := j[id]
		if jr == nil {
			t.Fatalf("%s missing from JSON", id)
		}
		if !reflect.DeepEqual(yr.Attributes, jr.Attributes) || !reflect.DeepEqual(yr.Tags, jr.Tags) ||
			yr.Name != jr.Name || !reflect.DeepEqual(yr.Unknown, jr.Unknown) {
			t.Errorf("%s differs:\nyaml %+v\njson %+v", id, yr.Attributes, jr.Attributes)
		}
	}
	bucket := y["Data"].Attributes.(*model.S3Bucket)
	if bucket.Name != "prod-data" || !bucket.Versioning.Enabled || bucket.Policy == nil ||
		bucket.Policy.Statements[0].Conditions[0].Key != "aws:securetransport" {
		t.Errorf("bucket = %+v", bucket)
	}
	// JSON line numbers (the file is tab-indented).
	if l := j["Data"].Location; l.StartLine != 10 || l.EndLine != 17 {
		t.Errorf("json bucket location = %v", l)
	}
	if l := j["Data"].LocationOf("versioning.enabled"); l.StartLine != 15 {
		t.Errorf("json versioning location = %v", l)
	}
	if l := j["Web"].LocationOf("ingress[0].cidr_blocks"); l.StartLine != 40 {
		t.Errorf("json ingress location = %v", l)
	}
}

func TestAllKinds(t *testing.T) {
	rs := mustParse(t, "all.yaml")
	wantKinds := map[string]string{
		"Vpc": "aws.ec2.vpc", "PublicSubnet": "aws.ec2.subnet", "Acl": "aws.ec2.network_acl",
		"Sg": "aws.ec2.security_group", "Lt": "aws.ec2.launch_template", "Server": "aws.ec2.instance",
		"Vol": "aws.ec2.volume", "Alb": "aws.elbv2.load_balancer", "Clb": "aws.elb.load_balancer",
		"Db": "aws.rds.instance", "AuroraCluster": "aws.rds.cluster", "Efs": "aws.efs.file_system",
		"Topic": "aws.sns.topic", "Queue": "aws.sqs.queue", "Key": "aws.kms.key", "AppRole": "aws.iam.role",
		"Managed": "aws.iam.policy", "Dev": "aws.iam.user", "Devs": "aws.iam.group",
		"Trail": "aws.cloudtrail.trail", "Fn": "aws.lambda.function", "Repo": "aws.ecr.repository",
		"Eks": "aws.eks.cluster", "Table": "aws.dynamodb.table", "LogGroup": "aws.logs.log_group",
		"Secret": "aws.secretsmanager.secret", "Cache": "aws.elasticache.replication_group",
		"Warehouse": "aws.redshift.cluster", "Search": "aws.opensearch.domain",
		"LegacySearch": "aws.opensearch.domain", "Cdn": "aws.cloudfront.distribution",
		"Detector": "aws.guardduty.detector", "Recorder": "aws.config.recorder", "Stage": "aws.apigateway.stage",
	}
	for id, kind := range wantKinds {
		r := rs[id]
		if r == nil {
			t.Errorf("%s missing", id)
			continue
		}
		if r.Kind != kind || r.Source != model.SourceCloudFormation || r.Provider != "aws" {
			t.Errorf("%s: kind %s source %s provider %s", id, r.Kind, r.Source, r.Provider)
		}
		if k, _ := model.LookupKind(kind); reflect.TypeOf(r.Attributes) != reflect.TypeOf(k.New()) {
			t.Errorf("%s: attributes are %T", id, r.Attributes)
		}
	}
	for _, joined := range []string{"VpcFlowLog", "AclSsh", "SgEgress", "AlbHttp", "AlbWaf", "TopicPolicy",
		"QueuePolicy", "ExtraPolicy", "DevKey", "DevInDevs", "FnUrl", "SecretRotation", "Profile", "Fleet"} {
		if _, ok := rs[joined]; ok {
			t.Errorf("%s must not be emitted as a resource", joined)
		}
	}

	if !rs["Vpc"].Attributes.(*model.EC2VPC).FlowLogsEnabled {
		t.Error("flow log not joined into the VPC")
	}
	acl := rs["Acl"].Attributes.(*model.EC2NetworkACL)
	if len(acl.Entries) != 1 || acl.Entries[0].Protocol != "tcp" || acl.Entries[0].FromPort != 22 || acl.Entries[0].Action != "allow" {
		t.Errorf("acl entries = %+v", acl.Entries)
	}
	sg := rs["Sg"].Attributes.(*model.EC2SecurityGroup)
	if len(sg.Egress) != 2 || sg.Egress[0].FromPort != 443 || sg.Egress[1].SecurityGroups[0] != "sg-123" || sg.Name != "app" {
		t.Errorf("sg = %+v", sg)
	}

	srv := rs["Server"]
	in := srv.Attributes.(*model.EC2Instance)
	if in.MetadataOptions.HTTPTokens != "required" || in.InstanceType != "m1.small" || !in.UserDataPresent {
		t.Errorf("server = %+v", in)
	}
	if !in.HasPublicIP || in.VPCID != "Vpc" || len(in.BlockDevices) != 1 || !in.BlockDevices[0].Encrypted {
		t.Errorf("server network/disks = %+v", in)
	}
	for _, rel := range []model.Relation{{Type: model.RelUsesRole, Target: "all.yaml:AppRole"},
		{Type: model.RelInSubnet, Target: "all.yaml:PublicSubnet"}, {Type: model.RelProtectedBy, Target: "all.yaml:Sg"}} {
		if !hasRelation(srv, rel.Type, rel.Target) {
			t.Errorf("server lacks %v: %v", rel, srv.Relations)
		}
	}
	if l := srv.LocationOf("metadata_options.http_tokens"); l.StartLine != 61 {
		t.Errorf("metadata options located at %v, want the launch template's", l)
	}
	def := rs["Default"].Attributes.(*model.EC2Instance)
	if def.MetadataOptions.HTTPTokens != "optional" || !def.HasPublicIP || def.InstanceType != "t3.micro" {
		t.Errorf("default-VPC instance = %+v", def)
	}
	if !rs["Hidden"].IsUnknown("has_public_ip") {
		t.Errorf("instance in a parameter subnet: unknown = %v", rs["Hidden"].Unknown)
	}

	alb := rs["Alb"].Attributes.(*model.ELBv2LoadBalancer)
	if !alb.InternetFacing || alb.Type != "application" || !alb.DropInvalidHeaderFields || !alb.DeletionProtection ||
		alb.AccessLogsEnabled || alb.WAFWebACL == "" || len(alb.Listeners) != 2 {
		t.Errorf("alb = %+v", alb)
	}
	if l := alb.Listeners[0]; l.DefaultAction != "redirect" || l.RedirectProto != "HTTPS" || l.Port != 80 {
		t.Errorf("http listener = %+v", l)
	}
	if l := alb.Listeners[1]; l.Protocol != "HTTPS" || l.SSLPolicy == "" {
		t.Errorf("https listener = %+v", l)
	}
	if rs["Clb"].Attributes.(*model.ELBLoadBalancer).InternetFacing {
		t.Error("internal classic ELB marked internet-facing")
	}

	db := rs["Db"].Attributes.(*model.RDSInstance)
	if db.StorageEncrypted || !db.PubliclyAccessible || db.BackupRetentionPeriod != 1 || !db.AutoMinorVersionUpgrade {
		t.Errorf("db defaults = %+v", db)
	}
	aur := rs["AuroraInstance"].Attributes.(*model.RDSInstance)
	if !aur.StorageEncrypted || aur.PubliclyAccessible || aur.ClusterIdentifier != "AuroraCluster" {
		t.Errorf("aurora instance = %+v", aur)
	}

	if p := rs["Topic"].Attributes.(*model.SNSTopic).Policy; p == nil || p.Statements[0].Resources[0] != "Topic" {
		t.Errorf("topic policy = %+v", p)
	}
	q := rs["Queue"].Attributes.(*model.SQSQueue)
	if q.Policy == nil || !q.SQSManagedSSEEnabled || q.Name != "jobs" {
		t.Errorf("queue = %+v", q)
	}
	key := rs["Key"].Attributes.(*model.KMSKey)
	if key.RotationEnabled || key.Policy.Statements[0].Principals["AWS"][0] != "arn:aws:iam::123456789012:root" {
		t.Errorf("key = %+v", key)
	}

	role := rs["AppRole"].Attributes.(*model.IAMRole)
	if role.Name != "app" || len(role.InlinePolicies) != 2 || role.InlinePolicies[1].Name != "extra" ||
		!reflect.DeepEqual(role.AttachedPolicies, []string{"arn:aws:iam::aws:policy/ReadOnlyAccess", "Managed"}) {
		t.Errorf("role = %+v", role)
	}
	if !hasRelation(rs["AppRole"], model.RelAttachedPolicy, "all.yaml:Managed") {
		t.Errorf("role relations = %v", rs["AppRole"].Relations)
	}
	if got := rs["Managed"].Attributes.(*model.IAMPolicy).Attachments; got != 2 {
		t.Errorf("managed policy attachments = %d, want 2 (group + role)", got)
	}
	user := rs["Dev"].Attributes.(*model.IAMUser)
	if !user.LoginProfile || len(user.AccessKeys) != 1 || !user.AccessKeys[0].Active ||
		!reflect.DeepEqual(user.Groups, []string{"Devs"}) || len(user.InlinePolicies) != 1 || user.MFAEnabled != nil {
		t.Errorf("user = %+v", user)
	}
	if g := rs["Devs"].Attributes.(*model.IAMGroup); !reflect.DeepEqual(g.AttachedPolicies, []string{"Managed"}) {
		t.Errorf("group = %+v", g)
	}

	tr := rs["Trail"].Attributes.(*model.CloudTrailTrail)
	if !tr.IsLogging || tr.IsMultiRegion || !tr.IncludeGlobalServiceEvents || !tr.LogFileValidationEnabled || tr.S3BucketName != "TrailBucket" {
		t.Errorf("trail = %+v", tr)
	}
	tb := rs["TrailBucket"].Attributes.(*model.S3Bucket)
	if !tb.Logging.Enabled || tb.Logging.TargetBucket != "TrailBucket" || tb.LifecycleRules != 1 ||
		!tb.Encryption.Enabled || tb.CannedACL != "private" || !tb.PublicAccessBlock.BlockPublicACLs {
		t.Errorf("trail bucket = %+v", tb)
	}
	fn := rs["Fn"].Attributes.(*model.LambdaFunction)
	if fn.URLAuthType != "NONE" || fn.TracingMode != "Active" || !fn.VPCConfigured || !rs["Fn"].IsUnknown("name") {
		t.Errorf("function = %+v unknown %v", fn, rs["Fn"].Unknown)
	}
	repo := rs["Repo"].Attributes.(*model.ECRRepository)
	if !repo.ScanOnPush || repo.ImageTagMutability != "MUTABLE" || repo.EncryptionType != "AES256" {
		t.Errorf("repo = %+v", repo)
	}
	eks := rs["Eks"].Attributes.(*model.EKSCluster)
	if !eks.EndpointPublicAccess || !reflect.DeepEqual(eks.PublicAccessCIDRs, []string{"0.0.0.0/0"}) || !eks.SecretsEncryption ||
		!reflect.DeepEqual(eks.EnabledLogTypes, []string{"api", "audit"}) || eks.Version != "1.30" {
		t.Errorf("eks = %+v", eks)
	}
	if !rs["Table"].Attributes.(*model.DynamoDBTable).PointInTimeRecovery {
		t.Error("table PITR")
	}
	if a := rs["Secret"].Attributes.(*model.SecretsManagerSecret); !a.RotationEnabled || a.RotationDays != 30 {
		t.Errorf("secret rotation not joined: %+v", a)
	}
	if !rs["Secret"].IsUnknown("last_accessed") || !rs["Secret"].IsUnknown("last_rotated") || !rs["Secret"].IsUnknown("created") {
		t.Error("a template cannot know when its secret was last used or rotated")
	}
	if c := rs["Cache"].Attributes.(*model.ElastiCacheReplicationGroup); c.AtRestEncryption || !c.TransitEncryption || !c.AuthTokenSet {
		t.Errorf("cache = %+v", c)
	}
	if w := rs["Warehouse"].Attributes.(*model.RedshiftCluster); !w.Encrypted || w.PubliclyAccessible || w.LoggingEnabled {
		t.Errorf("redshift = %+v", w)
	}
	if s := rs["Search"].Attributes.(*model.OpenSearchDomain); !s.EnforceHTTPS || s.EncryptAtRest || s.TLSSecurityPolicy == "" {
		t.Errorf("search = %+v", s)
	}
	cdn := rs["Cdn"].Attributes.(*model.CloudFrontDistribution)
	if !reflect.DeepEqual(cdn.ViewerProtocolPolicies, []string{"redirect-to-https", "allow-all"}) || !cdn.DefaultCertificate {
		t.Errorf("cdn = %+v", cdn)
	}
	if !rs["Detector"].Attributes.(*model.GuardDutyDetector).Enabled {
		t.Error("detector")
	}
	rec := rs["Recorder"]
	if a := rec.Attributes.(*model.ConfigRecorder); !a.AllSupported || a.Name != "default" || !rec.IsUnknown("recording") {
		t.Errorf("recorder = %+v unknown %v", a, rec.Unknown)
	}
	if s := rs["Stage"].Attributes.(*model.APIGatewayStage); !s.XRayTracing || s.AccessLogsEnabled || s.Name != "prod" {
		t.Errorf("stage = %+v", s)
	}
}

func TestMalformed(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"yaml syntax", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n   bad: [\n", "bad.yaml:"},
		{"json syntax", "{\n\"Resources\": {\n\"B\": \n}\n,,}", "bad.yaml:"},
		{"not a mapping", "- a\n- b\n", "bad.yaml:1: template is not a mapping"},
		{"no resources", "AWSTemplateFormatVersion: x\n", "template has no Resources section"},
	}
	for _, tt := range tests {
		rs, errs := Parse("bad.yaml", []byte(tt.data), nil)
		if len(rs) != 0 || len(errs) == 0 || !strings.Contains(errs[0].Error(), tt.want) {
			t.Errorf("%s: resources %d errors %v, want %q", tt.name, len(rs), errs, tt.want)
			continue
		}
		if _, ok := errs[0].(*file.Error); !ok {
			t.Errorf("%s: error is %T, want *file.Error", tt.name, errs[0])
		}
	}
	// A syntax error carries its line.
	_, errs := Parse("bad.yaml", []byte("Resources:\n  B: 1\n    Type: AWS::S3::Bucket\n"), nil)
	if fe, ok := errs[0].(*file.Error); !ok || fe.Line != 3 {
		t.Errorf("syntax error = %#v, want line 3", errs[0])
	}
}

func TestBadResourceDoesNotStopOthers(t *testing.T) {
	data := `Resources:
  NoType:
    Properties: {}
  Scalar: 42
  BadProps:
    Type: AWS::S3::Bucket
    Properties: [1, 2]
  BadPolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Good]
      PolicyDocument: {Statement: 5}
  Good:
    Type: AWS::SQS::Queue
`
	rs, errs := Parse("t.yaml", []byte(data), nil)
	if len(rs) != 1 || rs[0].ID != "t.yaml:Good" {
		t.Fatalf("resources = %v", rs)
	}
	want := []string{"t.yaml:2: resource NoType has no Type", "t.yaml:4: resource Scalar is not a mapping",
		"t.yaml:7: resource BadProps: Properties is not a mapping", "t.yaml:12: BadPolicy: PolicyDocument"}
	if len(errs) != len(want) {
		t.Fatalf("errors = %v", errs)
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], w)
		}
	}
}

func TestAliasBombBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("      a" + itoa(i) + ": &a" + itoa(i) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	start := time.Now()
	rs, errs := Parse("bomb.yaml", []byte(b.String()), nil)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	if len(rs) != 0 || len(errs) == 0 || !strings.Contains(errs[len(errs)-1].Error(), "cannot be resolved") {
		t.Errorf("resources %d errors %v", len(rs), errs)
	}
}

func itoa(i int) string { return string(rune('0' + i)) }

func TestTooLarge(t *testing.T) {
	_, errs := Parse("big.yaml", make([]byte, maxFileSize+1), nil)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "larger than") {
		t.Errorf("errors = %v", errs)
	}
}

func TestIgnoresOnJoinedChild(t *testing.T) {
	data := `Resources:
  Q:
    Type: AWS::SQS::Queue
  # vigil:ignore AWS-SQS-002 public by design
  QP:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Q]
      PolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: "sqs:*"}]}
  Other:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: other # vigil:ignore AWS-SQS-001
`
	rs, errs := Parse("t.yaml", []byte(data), nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(rs[0].Ignores) != 1 || rs[0].Ignores[0].RuleID != "AWS-SQS-002" {
		t.Errorf("Q ignores = %+v", rs[0].Ignores)
	}
	if len(rs[1].Ignores) != 1 || rs[1].Ignores[0].RuleID != "AWS-SQS-001" {
		t.Errorf("Other ignores = %+v", rs[1].Ignores)
	}
}

func TestUnknownInPolicy(t *testing.T) {
	data := `Parameters:
  Principal: {Type: String}
Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: !Ref Principal}
            Action: sts:AssumeRole
      ManagedPolicyArns: [!ImportValue shared-policy]
`
	rs, errs := Parse("t.yaml", []byte(data), nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{"assume_role_policy.statements[0].principals", "attached_policies", "name"}
	if !reflect.DeepEqual(rs[0].Unknown, want) {
		t.Errorf("unknown = %v, want %v", rs[0].Unknown, want)
	}
	if rs[0].IsUnknown("assume_role_policy.statements[0].actions") {
		t.Error("actions are known")
	}
}

func hasRelation(r *model.Resource, typ, target string) bool {
	for _, rel := range r.Relations {
		if rel.Type == typ && rel.Target == target {
			return true
		}
	}
	return false
}

func TestListsAreNeverNull(t *testing.T) {
	// GuardDuty's plans are null (and unknown) where a template leaves them to AWS.
	nullable := regexp.MustCompile(`"(policy|document|access_policy|assume_role_policy|mfa_enabled|s3_protection|eks_audit_logs|malware_protection_ec2|rds_protection|lambda_protection|(eks_|ecs_|ec2_)?runtime_monitoring)":null`)
	for _, name := range []string{"all.yaml", "app.yaml"} {
		for id, r := range mustParse(t, name) {
			b, err := json.Marshal(r.Attributes)
			if err != nil {
				t.Fatal(err)
			}
			if s := nullable.ReplaceAllString(string(b), ""); strings.Contains(s, ":null") {
				t.Errorf("%s:%s has a null attribute: %s", name, id, s)
			}
		}
	}
}

func TestS3AssumedDefaults(t *testing.T) {
	tmpl := `Resources:
  Bare:
    Type: AWS::S3::Bucket
  Declared:
    Type: AWS::S3::Bucket
    Properties:
      OwnershipControls:
        Rules:
          - ObjectOwnership: ObjectWriter
      PublicAccessBlockConfiguration:
        BlockPublicAcls: false
`
	rs, errs := Parse("s3.yaml", []byte(tmpl), nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := map[string][]string{}
	for _, r := range rs {
		got[r.ID] = model.KindS3Bucket.Must(r).AssumedDefaults
	}
	if b := got["s3.yaml:Bare"]; len(b) != 2 {
		t.Errorf("a bare bucket assumes ownership and block: %v (%v)", b, got)
	}
	if d := got["s3.yaml:Declared"]; len(d) != 0 {
		t.Errorf("declared ownership and block are not assumed: %v", d)
	}
}
