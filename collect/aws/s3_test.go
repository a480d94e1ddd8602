package aws

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	s3controltypes "github.com/aws/aws-sdk-go-v2/service/s3control/types"
	"github.com/aws/smithy-go/middleware"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

const (
	publicReadPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::public-data/*"}]}`
	denyHTTPPolicy   = `{"Version":"2012-10-17","Statement":[{"Sid":"TLS","Effect":"Deny","Principal":"*","Action":"s3:*",` +
		`"Resource":["arn:aws:s3:::locked","arn:aws:s3:::locked/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`
)

// seedS3 creates a public bucket (public-read ACL, public policy, no
// public access block) in us-east-1, and its locked-down twin in eu-west-1
// (block public access, versioning, KMS encryption, access logging to
// "logs", a policy denying plain HTTP, object lock, lifecycle, tags).
func seedS3(t *testing.T, srv *moto.Server) {
	t.Helper()
	ctx := context.Background()
	east := s3.NewFromConfig(srv.Config(t, "us-east-1"), func(o *s3.Options) { o.UsePathStyle = true })
	west := s3.NewFromConfig(srv.Config(t, "eu-west-1"), func(o *s3.Options) { o.UsePathStyle = true })
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(east.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("public-data")}))
	must(east.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: aws.String("public-data"), ACL: s3types.BucketCannedACLPublicRead}))
	must(east.DeletePublicAccessBlock(ctx, &s3.DeletePublicAccessBlockInput{Bucket: aws.String("public-data")}))
	must(east.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String("public-data"), Policy: aws.String(publicReadPolicy)}))

	// Server access logs must stay in the source bucket's region.
	must(west.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("logs"),
		CreateBucketConfiguration: &s3types.CreateBucketConfiguration{LocationConstraint: s3types.BucketLocationConstraintEuWest1}}))
	must(west.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: aws.String("logs"), ACL: "log-delivery-write"}))

	must(west.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("locked"), ObjectLockEnabledForBucket: aws.Bool(true),
		CreateBucketConfiguration: &s3types.CreateBucketConfiguration{LocationConstraint: s3types.BucketLocationConstraintEuWest1}}))
	must(west.PutPublicAccessBlock(ctx, &s3.PutPublicAccessBlockInput{Bucket: aws.String("locked"),
		PublicAccessBlockConfiguration: &s3types.PublicAccessBlockConfiguration{BlockPublicAcls: aws.Bool(true),
			IgnorePublicAcls: aws.Bool(true), BlockPublicPolicy: aws.Bool(true), RestrictPublicBuckets: aws.Bool(true)}}))
	must(west.PutBucketVersioning(ctx, &s3.PutBucketVersioningInput{Bucket: aws.String("locked"),
		VersioningConfiguration: &s3types.VersioningConfiguration{Status: s3types.BucketVersioningStatusEnabled}}))
	must(west.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: aws.String("locked"),
		ServerSideEncryptionConfiguration: &s3types.ServerSideEncryptionConfiguration{Rules: []s3types.ServerSideEncryptionRule{{
			BucketKeyEnabled: aws.Bool(true),
			ApplyServerSideEncryptionByDefault: &s3types.ServerSideEncryptionByDefault{SSEAlgorithm: s3types.ServerSideEncryptionAwsKms,
				KMSMasterKeyID: aws.String("arn:aws:kms:eu-west-1:123456789012:key/data")}}}}}))
	must(west.PutBucketLogging(ctx, &s3.PutBucketLoggingInput{Bucket: aws.String("locked"),
		BucketLoggingStatus: &s3types.BucketLoggingStatus{LoggingEnabled: &s3types.LoggingEnabled{
			TargetBucket: aws.String("logs"), TargetPrefix: aws.String("locked/")}}}))
	must(west.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String("locked"), Policy: aws.String(denyHTTPPolicy)}))
	must(west.PutBucketLifecycleConfiguration(ctx, &s3.PutBucketLifecycleConfigurationInput{Bucket: aws.String("locked"),
		LifecycleConfiguration: &s3types.BucketLifecycleConfiguration{Rules: []s3types.LifecycleRule{
			{ID: aws.String("expire"), Status: s3types.ExpirationStatusEnabled, Filter: &s3types.LifecycleRuleFilter{Prefix: aws.String("tmp/")},
				Expiration: &s3types.LifecycleExpiration{Days: aws.Int32(7)}},
			{ID: aws.String("off"), Status: s3types.ExpirationStatusDisabled, Filter: &s3types.LifecycleRuleFilter{Prefix: aws.String("old/")},
				Expiration: &s3types.LifecycleExpiration{Days: aws.Int32(30)}},
		}}}))
	must(west.PutBucketOwnershipControls(ctx, &s3.PutBucketOwnershipControlsInput{Bucket: aws.String("locked"),
		OwnershipControls: &s3types.OwnershipControls{Rules: []s3types.OwnershipControlsRule{{ObjectOwnership: s3types.ObjectOwnershipBucketOwnerEnforced}}}}))
	must(west.PutBucketTagging(ctx, &s3.PutBucketTaggingInput{Bucket: aws.String("locked"),
		Tagging: &s3types.Tagging{TagSet: []s3types.Tag{{Key: aws.String("team"), Value: aws.String("data")}}}}))
}

func TestS3AgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedS3(t, srv)
	res := collectMoto(t, srv, []string{"s3"})
	noErrors(t, res)
	bs := byKind(res, "aws.s3.bucket")
	if len(bs) != 3 {
		t.Fatalf("want 3 buckets, got %d", len(bs))
	}

	pub := bs["public-data"]
	pa := pub.Attributes.(*model.S3Bucket)
	if pub.ID != "arn:aws:s3:::public-data" || pub.Region != "us-east-1" || pub.Account != moto.Account || len(pub.Raw) == 0 {
		t.Errorf("identity: %+v", pub)
	}
	allUsers := false
	for _, g := range pa.Grants {
		allUsers = allUsers || (g.GranteeType == "Group" && g.GranteeURI == "http://acs.amazonaws.com/groups/global/AllUsers" && g.Permission == "READ")
	}
	if !allUsers || pa.CannedACL != "" {
		t.Errorf("a public-read ACL shows as an AllUsers READ grant, canned ACL unknown: %q %+v", pa.CannedACL, pa.Grants)
	}
	if pa.PublicAccessBlock != nil || pa.Policy == nil || pa.Versioning.Enabled || pa.Logging.Enabled ||
		pa.ObjectLockEnabled || pa.LifecycleRules != 0 || pa.ObjectOwnership != "ObjectWriter" || pub.Tags != nil {
		t.Errorf("public bucket: %+v", pa)
	}

	lk := bs["locked"]
	la := lk.Attributes.(*model.S3Bucket)
	if lk.Region != "eu-west-1" || lk.Tags["team"] != "data" {
		t.Errorf("locked identity: %+v", lk)
	}
	want := model.S3Bucket{Name: "locked", CannedACL: "private",
		PublicAccessBlock: &model.S3PublicAccessBlock{BlockPublicACLs: true, IgnorePublicACLs: true, BlockPublicPolicy: true, RestrictPublicBuckets: true},
		Encryption:        model.S3Encryption{Enabled: true, Algorithm: "aws:kms", KMSKeyID: "arn:aws:kms:eu-west-1:123456789012:key/data", BucketKeyEnabled: true},
		Versioning:        model.S3Versioning{Enabled: true},
		Logging:           model.S3Logging{Enabled: true, TargetBucket: "logs"},
		ObjectLockEnabled: true, LifecycleRules: 1, ObjectOwnership: "BucketOwnerEnforced"}
	if la.CannedACL != want.CannedACL || *la.PublicAccessBlock != *want.PublicAccessBlock || la.Encryption != want.Encryption ||
		la.Versioning != want.Versioning || la.Logging != want.Logging || la.ObjectLockEnabled != want.ObjectLockEnabled ||
		la.LifecycleRules != want.LifecycleRules || la.ObjectOwnership != want.ObjectOwnership || la.Policy == nil || len(la.Grants) != 1 {
		t.Errorf("locked bucket:\n got %+v\nwant %+v", la, want)
	}
	rels := map[string]string{}
	for _, r := range lk.Relations {
		rels[r.Type] = r.Target
	}
	if rels[model.RelEncryptedBy] != want.Encryption.KMSKeyID || rels[model.RelLogsTo] != "arn:aws:s3:::logs" {
		t.Errorf("relations: %+v", lk.Relations)
	}

	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-S3-001", "AWS-S3-002", "AWS-S3-003", "AWS-S3-006", "AWS-S3-008"} {
		if !fails["public-data"][id] || fails["locked"][id] {
			t.Errorf("%s: public-data %v, locked %v", id, fails["public-data"], fails["locked"])
		}
	}
	// No account-level block configured: every setting is effectively off.
	if acct := byKind(res, "aws.account")[moto.Account]; acct == nil ||
		acct.Attributes.(*model.AWSAccount).S3PublicAccessBlock == nil || !fails[moto.Account]["AWS-S3-010"] {
		t.Errorf("account-level public access block missing should fail AWS-S3-010: %+v %v", acct, fails[moto.Account])
	}

	// Once the account blocks public access, the account passes.
	ctl := s3control.NewFromConfig(srv.Config(t, "us-east-1"), func(o *s3control.Options) {
		o.EndpointResolverV2 = s3controlEndpoint{srv.URL}
	})
	if _, err := ctl.PutPublicAccessBlock(context.Background(), &s3control.PutPublicAccessBlockInput{AccountId: aws.String(moto.Account),
		PublicAccessBlockConfiguration: &s3controltypes.PublicAccessBlockConfiguration{BlockPublicAcls: aws.Bool(true),
			IgnorePublicAcls: aws.Bool(true), BlockPublicPolicy: aws.Bool(true), RestrictPublicBuckets: aws.Bool(true)}}); err != nil {
		t.Fatal(err)
	}
	rec := NewOperationRecorder()
	res, err := Collect(context.Background(), Options{Regions: []string{"us-east-1"}, Services: []string{"s3"},
		LoadOptions: srv.LoadOptions("us-east-1"), APIOptions: []func(*middleware.Stack) error{rec.APIOption}})
	if err != nil {
		t.Fatal(err)
	}
	noErrors(t, res)
	// moto's ListBuckets gives no BucketRegion, so GetBucketLocation runs.
	ops := rec.Operations()
	for _, op := range []string{"S3 Control:GetPublicAccessBlock", "S3:ListBuckets", "S3:GetBucketLocation", "S3:GetBucketAcl",
		"S3:GetBucketPolicy", "S3:GetPublicAccessBlock", "S3:GetBucketEncryption", "S3:GetBucketVersioning", "S3:GetBucketLogging",
		"S3:GetObjectLockConfiguration", "S3:GetBucketLifecycleConfiguration", "S3:GetBucketOwnershipControls", "S3:GetBucketTagging"} {
		if ops[op] == 0 {
			t.Errorf("%s not called: %v", op, ops)
		}
	}
	pab := byKind(res, "aws.account")[moto.Account].Attributes.(*model.AWSAccount).S3PublicAccessBlock
	if pab == nil || !pab.BlockPublicACLs || !pab.IgnorePublicACLs || !pab.BlockPublicPolicy || !pab.RestrictPublicBuckets {
		t.Errorf("account block: %+v", pab)
	}
	if fails := failing(t, res.Resources); fails[moto.Account]["AWS-S3-010"] {
		t.Errorf("AWS-S3-010 with the account block on: %v", fails[moto.Account])
	}
}

// The live and the Terraform path judge equivalent buckets alike: a
// public-read ACL with ACLs enabled and public access unblocked, and a
// private bucket with AWS's defaults for new buckets (block public access,
// ACLs disabled, SSE-S3), which moto does not apply by itself.
func TestS3LiveAgreesWithTerraform(t *testing.T) {
	srv := moto.Start(t)
	ctx := context.Background()
	c := s3.NewFromConfig(srv.Config(t, "us-east-1"), func(o *s3.Options) { o.UsePathStyle = true })
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for name, public := range map[string]bool{"acme-public": true, "acme-private": false} {
		b := aws.String(name)
		must(c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: b}))
		ownership := s3types.ObjectOwnershipBucketOwnerEnforced
		if public {
			ownership = s3types.ObjectOwnershipBucketOwnerPreferred
		}
		must(c.PutBucketOwnershipControls(ctx, &s3.PutBucketOwnershipControlsInput{Bucket: b,
			OwnershipControls: &s3types.OwnershipControls{Rules: []s3types.OwnershipControlsRule{{ObjectOwnership: ownership}}}}))
		must(c.PutPublicAccessBlock(ctx, &s3.PutPublicAccessBlockInput{Bucket: b,
			PublicAccessBlockConfiguration: &s3types.PublicAccessBlockConfiguration{BlockPublicAcls: aws.Bool(!public),
				IgnorePublicAcls: aws.Bool(!public), BlockPublicPolicy: aws.Bool(!public), RestrictPublicBuckets: aws.Bool(!public)}}))
		must(c.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: b,
			ServerSideEncryptionConfiguration: &s3types.ServerSideEncryptionConfiguration{Rules: []s3types.ServerSideEncryptionRule{{
				ApplyServerSideEncryptionByDefault: &s3types.ServerSideEncryptionByDefault{SSEAlgorithm: s3types.ServerSideEncryptionAes256}}}}}))
		if public {
			must(c.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: b, ACL: s3types.BucketCannedACLPublicRead}))
		}
	}
	res := collectMoto(t, srv, []string{"s3"})
	noErrors(t, res)
	live := failing(t, res.Resources)
	tf := terraformFailing(t, `
resource "aws_s3_bucket" "public" {
  bucket = "acme-public"
}
resource "aws_s3_bucket_ownership_controls" "public" {
  bucket = aws_s3_bucket.public.id
  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}
resource "aws_s3_bucket_public_access_block" "public" {
  bucket                  = aws_s3_bucket.public.id
  block_public_acls       = false
  ignore_public_acls      = false
  block_public_policy     = false
  restrict_public_buckets = false
}
resource "aws_s3_bucket_acl" "public" {
  bucket = aws_s3_bucket.public.id
  acl    = "public-read"
}
resource "aws_s3_bucket" "private" {
  bucket = "acme-private"
}
`)
	for _, name := range []string{"acme-public", "acme-private"} {
		l, f := ruleSet(live[name], "AWS-S3-"), ruleSet(tf[name], "AWS-S3-")
		if l != f {
			t.Errorf("%s: live fails [%s], Terraform fails [%s]", name, l, f)
		}
	}
	if !tf["acme-public"]["AWS-S3-001"] || tf["acme-private"]["AWS-S3-001"] {
		t.Errorf("the comparison must cover a failing and a passing bucket: %v", tf)
	}
}

// A bucket whose policy cannot be read is still collected, with the error
// recorded; the other buckets are unaffected.
func TestS3AccessDeniedOnOneBucketPolicy(t *testing.T) {
	srv := moto.Start(t)
	seedS3(t, srv)
	deny := faultOnMatch{
		match: func(r *http.Request) bool {
			return strings.HasSuffix(r.URL.Path, "/public-data") && r.URL.Query().Has("policy")
		},
		status: 403, header: map[string]string{"Content-Type": "application/xml"},
		body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>`,
	}
	t.Setenv("AWS_CA_BUNDLE", "") // a CA bundle needs the SDK's own HTTP client
	res, err := Collect(context.Background(), Options{Regions: []string{"us-east-1"}, Services: []string{"s3"},
		LoadOptions: srv.LoadOptions("us-east-1"), HTTPClient: &http.Client{Transport: deny}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || res.Errors[0].Operation != "GetBucketPolicy" || res.Errors[0].Code != "AccessDenied" ||
		res.Errors[0].Service != "s3" {
		t.Fatalf("want one GetBucketPolicy AccessDenied, got %v", res.Errors)
	}
	bs := byKind(res, "aws.s3.bucket")
	if len(bs) != 3 || bs["public-data"].Attributes.(*model.S3Bucket).Policy != nil || bs["locked"].Attributes.(*model.S3Bucket).Policy == nil {
		t.Errorf("buckets: %v", bs)
	}
}
