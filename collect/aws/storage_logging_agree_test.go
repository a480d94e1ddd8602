package aws

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	cfgtypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	s3controltypes "github.com/aws/aws-sdk-go-v2/service/s3control/types"

	"github.com/vigil-sec/vigil/iac"
	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// Live == Terraform agreement for S3, CloudTrail, Config and GuardDuty:
// each twin is seeded in moto through the SDK and declared in Terraform,
// and both must fail exactly the same rules of these services.

// slTwin is one pair to compare: the live resource's name, the
// Terraform resource's name, and the rule the twin exists to fail ("" for
// a twin that must pass every rule of the prefix).
type slTwin struct {
	live, tf, rule string
}

// slAssertAgree compares the failing rules with the prefix per twin, and
// requires each twin to fail its own rule (and a clean twin none), so the
// comparison cannot pass vacuously.
func slAssertAgree(t *testing.T, live, tf map[string]map[string]bool, prefixes []string, twins []slTwin) {
	t.Helper()
	set := func(fails map[string]bool) string {
		var parts []string
		for _, p := range prefixes {
			if s := ruleSet(fails, p); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ",")
	}
	for _, tw := range twins {
		if _, ok := live[tw.live]; !ok && tw.rule != "" {
			t.Errorf("%s: no live resource fails any rule (live: %v)", tw.live, live)
		}
		l, f := set(live[tw.live]), set(tf[tw.tf])
		if l != f {
			t.Errorf("%s: live fails [%s], Terraform fails [%s]", tw.live, l, f)
		}
		switch {
		case tw.rule != "" && (!live[tw.live][tw.rule] || !tf[tw.tf][tw.rule]):
			t.Errorf("%s must fail %s: live [%s], Terraform [%s]", tw.live, tw.rule, l, f)
		case tw.rule == "" && (l != "" || f != ""):
			t.Errorf("%s must pass: live [%s], Terraform [%s]", tw.live, l, f)
		}
	}
}

// slBucket describes one bucket in both paths. The zero value is a bucket as
// AWS creates it today: public access blocked, ACLs disabled
// (BucketOwnerEnforced), SSE-S3; no versioning, logging or policy.
type slBucket struct {
	name       string
	rule       string   // the rule the twin must fail ("" = none)
	unblock    []string // public access block settings turned off
	ownership  string   // "" = BucketOwnerEnforced
	acl        string   // canned ACL put after creation
	kms        bool     // SSE-KMS rather than SSE-S3
	versioning bool
	mfaDelete  bool
	logging    bool
	logTarget  string // "" = agree-logs
	tlsPolicy  bool   // a statement denying aws:SecureTransport=false
	publicRead bool   // a statement allowing anyone s3:GetObject
}

const slKMSKey = "arn:aws:kms:us-east-1:123456789012:key/agree"

func (b slBucket) policy() string {
	var st []string
	if b.tlsPolicy {
		st = append(st, fmt.Sprintf(`{"Sid":"TLS","Effect":"Deny","Principal":"*","Action":"s3:*",`+
			`"Resource":["arn:aws:s3:::%[1]s","arn:aws:s3:::%[1]s/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}`, b.name))
	}
	if b.publicRead {
		st = append(st, fmt.Sprintf(`{"Sid":"Read","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"}`, b.name))
	}
	if len(st) == 0 {
		return ""
	}
	return `{"Version":"2012-10-17","Statement":[` + strings.Join(st, ",") + `]}`
}

func (b slBucket) target() string {
	if b.logTarget != "" {
		return b.logTarget
	}
	return "agree-logs"
}

func (b slBucket) blocked(setting string) bool {
	for _, s := range b.unblock {
		if s == setting {
			return false
		}
	}
	return true
}

// seed creates the bucket in moto with the defaults AWS applies to new
// buckets (moto applies none of them), then the twin's changes.
func (b slBucket) seed(t *testing.T, c *s3.Client) {
	t.Helper()
	ctx, must, name := context.Background(), seeded(t), aws.String(b.name)
	must(c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: name}))
	ownership := s3types.ObjectOwnershipBucketOwnerEnforced
	if b.ownership != "" {
		ownership = s3types.ObjectOwnership(b.ownership)
	}
	must(c.PutBucketOwnershipControls(ctx, &s3.PutBucketOwnershipControlsInput{Bucket: name,
		OwnershipControls: &s3types.OwnershipControls{Rules: []s3types.OwnershipControlsRule{{ObjectOwnership: ownership}}}}))
	must(c.PutPublicAccessBlock(ctx, &s3.PutPublicAccessBlockInput{Bucket: name,
		PublicAccessBlockConfiguration: &s3types.PublicAccessBlockConfiguration{
			BlockPublicAcls: aws.Bool(b.blocked("block_public_acls")), IgnorePublicAcls: aws.Bool(b.blocked("ignore_public_acls")),
			BlockPublicPolicy: aws.Bool(b.blocked("block_public_policy")), RestrictPublicBuckets: aws.Bool(b.blocked("restrict_public_buckets"))}}))
	sse := s3types.ServerSideEncryptionByDefault{SSEAlgorithm: s3types.ServerSideEncryptionAes256}
	if b.kms {
		sse = s3types.ServerSideEncryptionByDefault{SSEAlgorithm: s3types.ServerSideEncryptionAwsKms, KMSMasterKeyID: aws.String(slKMSKey)}
	}
	must(c.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: name, ServerSideEncryptionConfiguration: &s3types.ServerSideEncryptionConfiguration{
		Rules: []s3types.ServerSideEncryptionRule{{ApplyServerSideEncryptionByDefault: &sse}}}}))
	if b.acl != "" {
		must(c.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: name, ACL: s3types.BucketCannedACL(b.acl)}))
	}
	if b.versioning {
		vc := &s3types.VersioningConfiguration{Status: s3types.BucketVersioningStatusEnabled}
		in := &s3.PutBucketVersioningInput{Bucket: name, VersioningConfiguration: vc}
		if b.mfaDelete {
			vc.MFADelete = s3types.MFADeleteEnabled
			in.MFA = aws.String("arn:aws:iam::123456789012:mfa/root 123456")
		}
		must(c.PutBucketVersioning(ctx, in))
	}
	if b.logging {
		must(c.PutBucketLogging(ctx, &s3.PutBucketLoggingInput{Bucket: name, BucketLoggingStatus: &s3types.BucketLoggingStatus{
			LoggingEnabled: &s3types.LoggingEnabled{TargetBucket: aws.String(b.target()), TargetPrefix: aws.String(b.name + "/")}}}))
	}
	if p := b.policy(); p != "" {
		must(c.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: name, Policy: aws.String(p)}))
	}
}

// terraform declares the same bucket; AWS's defaults come from the
// mapper, so only departures from them are written.
func (b slBucket) terraform() string {
	id := strings.ReplaceAll(b.name, "-", "_")
	var w strings.Builder
	fmt.Fprintf(&w, "resource \"aws_s3_bucket\" %q {\n  bucket = %q\n}\n", id, b.name)
	ref := "aws_s3_bucket." + id + ".id"
	if b.ownership != "" {
		fmt.Fprintf(&w, "resource \"aws_s3_bucket_ownership_controls\" %q {\n  bucket = %s\n  rule {\n    object_ownership = %q\n  }\n}\n", id, ref, b.ownership)
	}
	if len(b.unblock) > 0 {
		fmt.Fprintf(&w, "resource \"aws_s3_bucket_public_access_block\" %q {\n  bucket = %s\n", id, ref)
		for _, s := range []string{"block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"} {
			fmt.Fprintf(&w, "  %s = %v\n", s, b.blocked(s))
		}
		w.WriteString("}\n")
	}
	if b.kms {
		fmt.Fprintf(&w, `resource "aws_s3_bucket_server_side_encryption_configuration" %q {
  bucket = %s
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = %q
    }
  }
}
`, id, ref, slKMSKey)
	}
	if b.acl != "" {
		fmt.Fprintf(&w, "resource \"aws_s3_bucket_acl\" %q {\n  bucket = %s\n  acl = %q\n}\n", id, ref, b.acl)
	}
	if b.versioning {
		mfa, extra := "Disabled", ""
		if b.mfaDelete {
			mfa, extra = "Enabled", "  mfa = \"arn:aws:iam::123456789012:mfa/root 123456\"\n"
		}
		fmt.Fprintf(&w, "resource \"aws_s3_bucket_versioning\" %q {\n  bucket = %s\n%s  versioning_configuration {\n    status = \"Enabled\"\n    mfa_delete = %q\n  }\n}\n",
			id, ref, extra, mfa)
	}
	if b.logging {
		fmt.Fprintf(&w, "resource \"aws_s3_bucket_logging\" %q {\n  bucket = %s\n  target_bucket = %q\n  target_prefix = \"%s/\"\n}\n", id, ref, b.target(), b.name)
	}
	if p := b.policy(); p != "" {
		fmt.Fprintf(&w, "resource \"aws_s3_bucket_policy\" %q {\n  bucket = %s\n  policy = <<EOF\n%s\nEOF\n}\n", id, ref, p)
	}
	return w.String()
}

// TestAgreeStorageLoggingS3 covers AWS-S3-001..009: a bucket passing all
// of them, and for each rule a copy of it with the one setting the rule
// judges turned bad.
func TestAgreeStorageLoggingS3(t *testing.T) {
	good := slBucket{kms: true, versioning: true, mfaDelete: true, logging: true, tlsPolicy: true}
	with := func(name, rule string, change func(*slBucket)) slBucket {
		b := good
		b.name, b.rule = name, rule
		change(&b)
		return b
	}
	twins := []slBucket{
		// The log target: as AWS creates a bucket, but with ACLs on so that
		// the log delivery group may write (moto checks it).
		{name: "agree-logs", rule: "AWS-S3-005", ownership: "ObjectWriter", acl: "log-delivery-write"},
		with("agree-good", "", func(*slBucket) {}),
		with("agree-s3-001", "AWS-S3-001", func(b *slBucket) {
			b.ownership, b.acl = "BucketOwnerPreferred", "public-read"
			b.unblock = []string{"block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"}
		}),
		with("agree-s3-002", "AWS-S3-002", func(b *slBucket) {
			b.publicRead = true
			b.unblock = []string{"block_public_policy", "restrict_public_buckets"}
		}),
		with("agree-s3-003", "AWS-S3-003", func(b *slBucket) { b.unblock = []string{"block_public_policy"} }),
		with("agree-s3-005", "AWS-S3-005", func(b *slBucket) { b.kms = false }),
		with("agree-s3-006", "AWS-S3-006", func(b *slBucket) { b.versioning, b.mfaDelete = false, false }),
		with("agree-s3-007", "AWS-S3-007", func(b *slBucket) { b.logging = false }),
		with("agree-s3-008", "AWS-S3-008", func(b *slBucket) { b.tlsPolicy = false }),
		with("agree-s3-009", "AWS-S3-009", func(b *slBucket) { b.mfaDelete = false }),
	}
	srv := moto.Start(t)
	c := s3.NewFromConfig(srv.Config(t, "us-east-1"), func(o *s3.Options) { o.UsePathStyle = true })
	var tfText strings.Builder
	var pairs []slTwin
	for _, b := range twins {
		b.seed(t, c)
		tfText.WriteString(b.terraform())
		pairs = append(pairs, slTwin{live: b.name, tf: b.name, rule: b.rule})
	}
	// moto stores versioning status but drops MFADelete; GetBucketVersioning
	// of the twins with MFA delete is answered as S3 answers it.
	mfa := slMFADelete{}
	for _, b := range twins {
		if b.mfaDelete {
			mfa["/"+b.name] = true
		}
	}
	t.Setenv("AWS_CA_BUNDLE", "") // a CA bundle needs the SDK's own HTTP client
	res, err := Collect(context.Background(), Options{Regions: []string{"us-east-1"}, Services: []string{"s3"},
		LoadOptions: srv.LoadOptions("us-east-1"), HTTPClient: &http.Client{Transport: mfa}})
	if err != nil {
		t.Fatal(err)
	}
	noErrors(t, res)
	live := failing(t, res.Resources)
	tf := terraformFailing(t, tfText.String())
	slAssertAgree(t, live, tf, []string{"AWS-S3-00"}, pairs)

	// AWS-S3-004 cannot fail from Terraform: since January 2023 S3 encrypts
	// every bucket (see policies/aws/s3/testdata/AWS-S3-004/exempt.txt).
	// Both paths agree that a default bucket passes it (above); live, a
	// bucket whose endpoint reports no encryption fails it.
	for _, b := range twins {
		if live[b.name]["AWS-S3-004"] || tf[b.name]["AWS-S3-004"] {
			t.Errorf("%s: AWS-S3-004 on an encrypted bucket", b.name)
		}
	}
	ctx := context.Background()
	seeded(t)(c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("agree-s3-004")}))
	seeded(t)(c.DeleteBucketEncryption(ctx, &s3.DeleteBucketEncryptionInput{Bucket: aws.String("agree-s3-004")}))
	res = collectMoto(t, srv, []string{"s3"})
	noErrors(t, res)
	if !failing(t, res.Resources)["agree-s3-004"]["AWS-S3-004"] {
		t.Errorf("a bucket without default encryption must fail AWS-S3-004 live")
	}
}

// slMFADelete answers GetBucketVersioning for the bucket paths it holds
// with versioning and MFA delete enabled, in S3's wire format; every other
// request goes to moto.
type slMFADelete map[string]bool

func (m slMFADelete) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method != http.MethodGet || !r.URL.Query().Has("versioning") || !m[r.URL.Path] {
		return http.DefaultTransport.RoundTrip(r)
	}
	const body = `<?xml version="1.0" encoding="UTF-8"?>
<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Enabled</Status><MfaDelete>Enabled</MfaDelete></VersioningConfiguration>`
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/xml"}},
		Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)), Request: r}, nil
}

// TestAgreeStorageLoggingS3Account covers AWS-S3-010 with the account's
// public access block partly on, then fully on. (An account with no
// block at all fails live; a configuration without
// aws_s3_account_public_access_block says nothing about the account, so
// it has no Terraform twin.)
func TestAgreeStorageLoggingS3Account(t *testing.T) {
	srv := moto.Start(t)
	ctl := s3control.NewFromConfig(srv.Config(t, "us-east-1"), func(o *s3control.Options) {
		o.EndpointResolverV2 = s3controlEndpoint{srv.URL}
	})
	for _, full := range []bool{false, true} {
		seeded(t)(ctl.PutPublicAccessBlock(context.Background(), &s3control.PutPublicAccessBlockInput{AccountId: aws.String(moto.Account),
			PublicAccessBlockConfiguration: &s3controltypes.PublicAccessBlockConfiguration{BlockPublicAcls: aws.Bool(true),
				IgnorePublicAcls: aws.Bool(full), BlockPublicPolicy: aws.Bool(full), RestrictPublicBuckets: aws.Bool(full)}}))
		res := collectMoto(t, srv, []string{"s3"})
		noErrors(t, res)
		tfText := "resource \"aws_s3_account_public_access_block\" \"this\" {\n  block_public_acls = true\n"
		if full {
			tfText += "  ignore_public_acls = true\n  block_public_policy = true\n  restrict_public_buckets = true\n"
		}
		tfText += "}\n"
		rule := "AWS-S3-010"
		if full {
			rule = ""
		}
		slAssertAgree(t, failing(t, res.Resources), terraformFailing(t, tfText), []string{"AWS-S3-"},
			[]slTwin{{live: moto.Account, tf: "account", rule: rule}})
	}
}

// slTrail is one trail; the zero value plus name is a trail failing every
// CloudTrail rule.
type slTrail struct {
	name, rule                               string
	multiRegion, validation, kms, cloudwatch bool
	logging                                  bool
}

const (
	slTrailKey   = "arn:aws:kms:us-east-1:123456789012:key/trail"
	slTrailGroup = "arn:aws:logs:us-east-1:123456789012:log-group:trail:*"
	slTrailRole  = "arn:aws:iam::123456789012:role/trail-to-logs"
)

// TestAgreeStorageLoggingCloudTrail covers AWS-CT-001..005: a trail
// passing all of them and, per rule, a copy with that setting off.
func TestAgreeStorageLoggingCloudTrail(t *testing.T) {
	good := slTrail{multiRegion: true, validation: true, kms: true, cloudwatch: true, logging: true}
	with := func(name, rule string, change func(*slTrail)) slTrail {
		tr := good
		tr.name, tr.rule = name, rule
		change(&tr)
		return tr
	}
	twins := []slTrail{
		with("agree-good", "", func(*slTrail) {}),
		with("agree-ct-001", "AWS-CT-001", func(tr *slTrail) { tr.multiRegion = false }),
		with("agree-ct-002", "AWS-CT-002", func(tr *slTrail) { tr.validation = false }),
		with("agree-ct-003", "AWS-CT-003", func(tr *slTrail) { tr.kms = false }),
		with("agree-ct-004", "AWS-CT-004", func(tr *slTrail) { tr.cloudwatch = false }),
		with("agree-ct-005", "AWS-CT-005", func(tr *slTrail) { tr.logging = false }),
		// Every optional argument left out (enable_logging defaults to true).
		{name: "agree-bare", rule: "AWS-CT-001", logging: true},
	}
	srv := moto.Start(t)
	ctx, must := context.Background(), seeded(t)
	must(s3.NewFromConfig(srv.Config(t, "us-east-1"), func(o *s3.Options) { o.UsePathStyle = true }).
		CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("agree-trail-logs")}))
	c := cloudtrail.NewFromConfig(srv.Config(t, "us-east-1"))
	var tf strings.Builder
	var pairs []slTwin
	for _, tr := range twins {
		in := &cloudtrail.CreateTrailInput{Name: aws.String(tr.name), S3BucketName: aws.String("agree-trail-logs")}
		fmt.Fprintf(&tf, "resource \"aws_cloudtrail\" %q {\n  name = %q\n  s3_bucket_name = \"agree-trail-logs\"\n",
			strings.ReplaceAll(tr.name, "-", "_"), tr.name)
		if tr.multiRegion {
			in.IsMultiRegionTrail = aws.Bool(true)
			tf.WriteString("  is_multi_region_trail = true\n")
		}
		if tr.validation {
			in.EnableLogFileValidation = aws.Bool(true)
			tf.WriteString("  enable_log_file_validation = true\n")
		}
		if tr.kms {
			in.KmsKeyId = aws.String(slTrailKey)
			fmt.Fprintf(&tf, "  kms_key_id = %q\n", slTrailKey)
		}
		if tr.cloudwatch {
			in.CloudWatchLogsLogGroupArn, in.CloudWatchLogsRoleArn = aws.String(slTrailGroup), aws.String(slTrailRole)
			fmt.Fprintf(&tf, "  cloud_watch_logs_group_arn = %q\n  cloud_watch_logs_role_arn = %q\n", slTrailGroup, slTrailRole)
		}
		must(c.CreateTrail(ctx, in))
		// The provider starts logging after creating a trail unless
		// enable_logging is false; the API creates it stopped.
		if tr.logging {
			must(c.StartLogging(ctx, &cloudtrail.StartLoggingInput{Name: aws.String(tr.name)}))
		} else {
			tf.WriteString("  enable_logging = false\n")
		}
		tf.WriteString("}\n")
		pairs = append(pairs, slTwin{live: tr.name, tf: tr.name, rule: tr.rule})
	}
	res := collectMoto(t, srv, []string{"cloudtrail"})
	noErrors(t, res)
	slAssertAgree(t, failing(t, res.Resources), terraformFailing(t, tf.String()), []string{"AWS-CT-00"}, pairs)
}

// TestAgreeStorageLoggingConfig covers AWS-CONFIG-001. A region holds one
// recorder, so each twin lives in a region of its own: a complete
// recorder, one never started, one without a recording group (the API's
// and the provider's defaults: all regional types, no global ones), and one
// recording selected types only.
func TestAgreeStorageLoggingConfig(t *testing.T) {
	type recorder struct {
		name, region, rule string
		group              *cfgtypes.RecordingGroup
		start              bool
		tf                 string // recording_group block and status resource
	}
	twins := []recorder{
		{name: "agree-good", region: "us-east-1", start: true,
			group: &cfgtypes.RecordingGroup{AllSupported: true, IncludeGlobalResourceTypes: true},
			tf:    "  recording_group {\n    all_supported = true\n    include_global_resource_types = true\n  }\n"},
		{name: "agree-stopped", region: "eu-west-1", rule: "AWS-CONFIG-001",
			group: &cfgtypes.RecordingGroup{AllSupported: true, IncludeGlobalResourceTypes: true},
			tf:    "  recording_group {\n    all_supported = true\n    include_global_resource_types = true\n  }\n"},
		{name: "agree-default", region: "us-west-2", rule: "AWS-CONFIG-001", start: true},
		{name: "agree-selected", region: "eu-central-1", rule: "AWS-CONFIG-001", start: true,
			group: &cfgtypes.RecordingGroup{ResourceTypes: []cfgtypes.ResourceType{cfgtypes.ResourceTypeBucket},
				RecordingStrategy: &cfgtypes.RecordingStrategy{UseOnly: cfgtypes.RecordingStrategyTypeInclusionByResourceTypes}},
			tf: "  recording_group {\n    all_supported = false\n    resource_types = [\"AWS::S3::Bucket\"]\n" +
				"    recording_strategy {\n      use_only = \"INCLUSION_BY_RESOURCE_TYPES\"\n    }\n  }\n"},
	}
	srv := moto.Start(t)
	ctx, must := context.Background(), seeded(t)
	const role = "arn:aws:iam::123456789012:role/config"
	var tf strings.Builder
	var pairs []slTwin
	var regions []string
	for _, r := range twins {
		bucket := "agree-config-" + r.region
		s3c := s3.NewFromConfig(srv.Config(t, r.region), func(o *s3.Options) { o.UsePathStyle = true })
		in := &s3.CreateBucketInput{Bucket: aws.String(bucket)}
		if r.region != "us-east-1" {
			in.CreateBucketConfiguration = &s3types.CreateBucketConfiguration{LocationConstraint: s3types.BucketLocationConstraint(r.region)}
		}
		must(s3c.CreateBucket(ctx, in))
		c := configservice.NewFromConfig(srv.Config(t, r.region))
		must(c.PutConfigurationRecorder(ctx, &configservice.PutConfigurationRecorderInput{ConfigurationRecorder: &cfgtypes.ConfigurationRecorder{
			Name: aws.String(r.name), RoleARN: aws.String(role), RecordingGroup: r.group}}))
		must(c.PutDeliveryChannel(ctx, &configservice.PutDeliveryChannelInput{DeliveryChannel: &cfgtypes.DeliveryChannel{
			Name: aws.String(r.name), S3BucketName: aws.String(bucket)}}))
		id := strings.ReplaceAll(r.name, "-", "_")
		fmt.Fprintf(&tf, "resource \"aws_config_configuration_recorder\" %q {\n  name = %q\n  role_arn = %q\n%s}\n", id, r.name, role, r.tf)
		fmt.Fprintf(&tf, "resource \"aws_config_delivery_channel\" %q {\n  name = %q\n  s3_bucket_name = %q\n}\n", id, r.name, bucket)
		if r.start {
			must(c.StartConfigurationRecorder(ctx, &configservice.StartConfigurationRecorderInput{ConfigurationRecorderName: aws.String(r.name)}))
			fmt.Fprintf(&tf, "resource \"aws_config_configuration_recorder_status\" %q {\n  name = aws_config_configuration_recorder.%s.name\n  is_enabled = true\n}\n", id, id)
		}
		pairs = append(pairs, slTwin{live: r.name, tf: r.name, rule: r.rule})
		regions = append(regions, r.region)
	}
	res := collectMoto(t, srv, []string{"configservice"}, regions...)
	noErrors(t, res)
	slAssertAgree(t, failing(t, res.Resources), terraformFailing(t, tf.String()), []string{"AWS-CONFIG-001"}, pairs)
}

// TestAgreeStorageLoggingGuardDuty covers AWS-GD-001: an enabled and a
// suspended detector (one per region). Live detectors are named by their
// generated id, Terraform ones by their label.
func TestAgreeStorageLoggingGuardDuty(t *testing.T) {
	srv := moto.Start(t)
	ctx := context.Background()
	var pairs []slTwin
	for _, d := range []struct {
		region, label string
		enable        bool
	}{{"us-east-1", "on", true}, {"eu-west-1", "off", false}} {
		out, err := guardduty.NewFromConfig(srv.Config(t, d.region)).CreateDetector(ctx, &guardduty.CreateDetectorInput{Enable: aws.Bool(d.enable)})
		if err != nil {
			t.Fatal(err)
		}
		rule := ""
		if !d.enable {
			rule = "AWS-GD-001"
		}
		pairs = append(pairs, slTwin{live: aws.ToString(out.DetectorId), tf: d.label, rule: rule})
	}
	res := collectMoto(t, srv, []string{"guardduty"}, "us-east-1", "eu-west-1")
	noErrors(t, res)
	tf := terraformFailing(t, `
resource "aws_guardduty_detector" "on" {}
resource "aws_guardduty_detector" "off" {
  enable = false
}
`)
	slAssertAgree(t, failing(t, res.Resources), tf, []string{"AWS-GD-001"}, pairs)
}

// slPlan is `terraform show -json` of a plan (Terraform 1.11.4, AWS
// provider 5.100.0, trimmed to what Vigil reads) creating: a log bucket
// with ACLs on for log delivery, a bucket logging to it with a TLS-only
// policy (both split resources), and a Config recorder without a
// recording group, started. On create the provider marks every
// Optional+Computed argument of aws_s3_bucket (acl, policy, versioning,
// logging, ...) and the recorder's recording_group unknown.
const slPlan = `{"format_version": "1.2", "terraform_version": "1.11.4",
 "planned_values": {"root_module": {"resources": [
  {"address": "aws_config_configuration_recorder.default", "mode": "managed", "type": "aws_config_configuration_recorder", "name": "default", "values": {"name": "agree-plan-default", "role_arn": "arn:aws:iam::123456789012:role/config"}},
  {"address": "aws_config_configuration_recorder_status.default", "mode": "managed", "type": "aws_config_configuration_recorder_status", "name": "default", "values": {"is_enabled": true, "name": "agree-plan-default"}},
  {"address": "aws_s3_bucket.logged", "mode": "managed", "type": "aws_s3_bucket", "name": "logged", "values": {"bucket": "agree-plan-logged", "force_destroy": false, "tags": null, "timeouts": null}},
  {"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", "name": "logs", "values": {"bucket": "agree-plan-logs", "force_destroy": false, "tags": null, "timeouts": null}},
  {"address": "aws_s3_bucket_acl.logs", "mode": "managed", "type": "aws_s3_bucket_acl", "name": "logs", "values": {"acl": "log-delivery-write", "expected_bucket_owner": null}},
  {"address": "aws_s3_bucket_logging.logged", "mode": "managed", "type": "aws_s3_bucket_logging", "name": "logged", "values": {"expected_bucket_owner": null, "target_grant": [], "target_object_key_format": [], "target_prefix": "logged/"}},
  {"address": "aws_s3_bucket_ownership_controls.logs", "mode": "managed", "type": "aws_s3_bucket_ownership_controls", "name": "logs", "values": {"rule": [{"object_ownership": "ObjectWriter"}]}},
  {"address": "aws_s3_bucket_policy.logged", "mode": "managed", "type": "aws_s3_bucket_policy", "name": "logged", "values": {"policy": "{\"Statement\":[{\"Action\":\"s3:*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}},\"Effect\":\"Deny\",\"Principal\":\"*\",\"Resource\":[\"arn:aws:s3:::agree-plan-logged\",\"arn:aws:s3:::agree-plan-logged/*\"],\"Sid\":\"TLS\"}],\"Version\":\"2012-10-17\"}"}}
 ]}},
 "resource_changes": [
  {"address": "aws_config_configuration_recorder.default", "change": {"actions": ["create"], "after_unknown": {"id": true, "recording_group": true, "recording_mode": true}}},
  {"address": "aws_config_configuration_recorder_status.default", "change": {"actions": ["create"], "after_unknown": {"id": true}}},
  {"address": "aws_s3_bucket.logged", "change": {"actions": ["create"], "after_unknown": {"acceleration_status": true, "acl": true, "arn": true, "bucket_domain_name": true, "bucket_prefix": true, "bucket_regional_domain_name": true, "cors_rule": true, "grant": true, "hosted_zone_id": true, "id": true, "lifecycle_rule": true, "logging": true, "object_lock_configuration": true, "object_lock_enabled": true, "policy": true, "region": true, "replication_configuration": true, "request_payer": true, "server_side_encryption_configuration": true, "tags_all": true, "versioning": true, "website": true, "website_domain": true, "website_endpoint": true}}},
  {"address": "aws_s3_bucket.logs", "change": {"actions": ["create"], "after_unknown": {"acceleration_status": true, "acl": true, "arn": true, "bucket_domain_name": true, "bucket_prefix": true, "bucket_regional_domain_name": true, "cors_rule": true, "grant": true, "hosted_zone_id": true, "id": true, "lifecycle_rule": true, "logging": true, "object_lock_configuration": true, "object_lock_enabled": true, "policy": true, "region": true, "replication_configuration": true, "request_payer": true, "server_side_encryption_configuration": true, "tags_all": true, "versioning": true, "website": true, "website_domain": true, "website_endpoint": true}}},
  {"address": "aws_s3_bucket_acl.logs", "change": {"actions": ["create"], "after_unknown": {"access_control_policy": true, "bucket": true, "id": true}}},
  {"address": "aws_s3_bucket_logging.logged", "change": {"actions": ["create"], "after_unknown": {"bucket": true, "id": true, "target_bucket": true, "target_grant": [], "target_object_key_format": []}}},
  {"address": "aws_s3_bucket_ownership_controls.logs", "change": {"actions": ["create"], "after_unknown": {"bucket": true, "id": true, "rule": [{}]}}},
  {"address": "aws_s3_bucket_policy.logged", "change": {"actions": ["create"], "after_unknown": {"bucket": true, "id": true}}}
 ],
 "configuration": {"root_module": {"resources": [
  {"address": "aws_config_configuration_recorder.default", "expressions": {"name": {"constant_value": "agree-plan-default"}, "role_arn": {"constant_value": "arn:aws:iam::123456789012:role/config"}}},
  {"address": "aws_config_configuration_recorder_status.default", "expressions": {"is_enabled": {"constant_value": true}, "name": {"references": ["aws_config_configuration_recorder.default.name", "aws_config_configuration_recorder.default"]}}},
  {"address": "aws_s3_bucket.logged", "expressions": {"bucket": {"constant_value": "agree-plan-logged"}}},
  {"address": "aws_s3_bucket.logs", "expressions": {"bucket": {"constant_value": "agree-plan-logs"}}},
  {"address": "aws_s3_bucket_acl.logs", "expressions": {"acl": {"constant_value": "log-delivery-write"}, "bucket": {"references": ["aws_s3_bucket.logs.id", "aws_s3_bucket.logs"]}}},
  {"address": "aws_s3_bucket_logging.logged", "expressions": {"bucket": {"references": ["aws_s3_bucket.logged.id", "aws_s3_bucket.logged"]}, "target_bucket": {"references": ["aws_s3_bucket.logs.id", "aws_s3_bucket.logs"]}, "target_prefix": {"constant_value": "logged/"}}},
  {"address": "aws_s3_bucket_ownership_controls.logs", "expressions": {"bucket": {"references": ["aws_s3_bucket.logs.id", "aws_s3_bucket.logs"]}, "rule": [{"object_ownership": {"constant_value": "ObjectWriter"}}]}},
  {"address": "aws_s3_bucket_policy.logged", "expressions": {"bucket": {"references": ["aws_s3_bucket.logged.id", "aws_s3_bucket.logged"]}, "policy": {}}}
 ]}}}`

// slPlanExisting plans no change to a bucket made earlier: its planned
// values are the provider's state, where a bucket without logging holds
// logging = [] (shape of provider 5.x state, trimmed).
const slPlanExisting = `{"format_version": "1.2", "terraform_version": "1.11.4",
 "planned_values": {"root_module": {"resources": [
  {"address": "aws_s3_bucket.old", "mode": "managed", "type": "aws_s3_bucket", "name": "old", "values": {"bucket": "agree-plan-old",
   "acl": null, "policy": "", "logging": [], "versioning": [{"enabled": false, "mfa_delete": false}], "object_lock_enabled": false,
   "object_lock_configuration": [], "lifecycle_rule": [], "server_side_encryption_configuration": [{"rule": [{"bucket_key_enabled": false,
   "apply_server_side_encryption_by_default": [{"kms_master_key_id": "", "sse_algorithm": "AES256"}]}]}]}}
 ]}},
 "resource_changes": [{"address": "aws_s3_bucket.old", "change": {"actions": ["no-op"], "after_unknown": {}}}],
 "configuration": {"root_module": {"resources": [{"address": "aws_s3_bucket.old", "expressions": {"bucket": {"constant_value": "agree-plan-old"}}}]}}}
`

// TestAgreeStorageLoggingPlan: a plan's computed unknowns are AWS's
// defaults for what the configuration leaves out, so the planned buckets
// and recorder fail what their live twins fail (they once hid AWS-S3-006
// to 009 and the recorder's missing global types).
func TestAgreeStorageLoggingPlan(t *testing.T) {
	srv := moto.Start(t)
	ctx, must := context.Background(), seeded(t)
	c := s3.NewFromConfig(srv.Config(t, "us-east-1"), func(o *s3.Options) { o.UsePathStyle = true })
	slBucket{name: "agree-plan-logs", ownership: "ObjectWriter", acl: "log-delivery-write"}.seed(t, c)
	slBucket{name: "agree-plan-logged", logging: true, logTarget: "agree-plan-logs", tlsPolicy: true}.seed(t, c)
	slBucket{name: "agree-plan-old"}.seed(t, c)
	cfg := configservice.NewFromConfig(srv.Config(t, "us-east-1"))
	must(cfg.PutConfigurationRecorder(ctx, &configservice.PutConfigurationRecorderInput{ConfigurationRecorder: &cfgtypes.ConfigurationRecorder{
		Name: aws.String("agree-plan-default"), RoleARN: aws.String("arn:aws:iam::123456789012:role/config")}}))
	must(cfg.PutDeliveryChannel(ctx, &configservice.PutDeliveryChannelInput{DeliveryChannel: &cfgtypes.DeliveryChannel{
		Name: aws.String("agree-plan-default"), S3BucketName: aws.String("agree-plan-logs")}}))
	must(cfg.StartConfigurationRecorder(ctx, &configservice.StartConfigurationRecorderInput{ConfigurationRecorderName: aws.String("agree-plan-default")}))
	res := collectMoto(t, srv, []string{"s3", "configservice"})
	noErrors(t, res)

	dir := t.TempDir()
	for name, text := range map[string]string{"plan.json": slPlan, "existing.json": slPlanExisting} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plan := iac.Load(ctx, dir, []string{dir}, iac.Options{})
	for _, err := range plan.Errors {
		t.Fatalf("loading the plan: %v", err)
	}
	n := 0
	for _, r := range plan.Resources {
		if r.Source != model.SourceTerraformPlan {
			t.Errorf("%s: source %q", r.ID, r.Source)
		}
		n++
	}
	if n != 4 {
		t.Errorf("want 3 buckets and a recorder from the plans, got %d", n)
	}
	slAssertAgree(t, failing(t, res.Resources), failing(t, plan.Resources), []string{"AWS-S3-00", "AWS-CONFIG-001"}, []slTwin{
		{live: "agree-plan-logs", tf: "agree-plan-logs", rule: "AWS-S3-008"},
		{live: "agree-plan-logged", tf: "agree-plan-logged", rule: "AWS-S3-006"},
		{live: "agree-plan-default", tf: "agree-plan-default", rule: "AWS-CONFIG-001"},
		{live: "agree-plan-old", tf: "agree-plan-old", rule: "AWS-S3-007"},
	})
}
