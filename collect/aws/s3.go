package aws

import (
	"context"
	"net/url"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("s3", true, collectS3) }

// collectS3 lists the buckets once, then reads each bucket's settings in
// the bucket's own region, and the account-level public access block.
func collectS3(ctx context.Context, s *scope) {
	collectS3AccountBlock(ctx, s)
	base := s.Config()
	client := s3.NewFromConfig(base, s3PathStyle(base))
	var buckets []s3types.Bucket
	// With a page size ListBuckets pages; without one it refuses accounts
	// whose bucket quota was raised above 10,000.
	p := s3.NewListBucketsPaginator(client, &s3.ListBucketsInput{MaxBuckets: aws.Int32(10000)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListBuckets", err)
			return
		}
		buckets = append(buckets, page.Buckets...)
	}
	b := &s3Buckets{s: s, clients: map[string]*s3.Client{base.Region: client}}
	forEach(s, buckets, func(bk s3types.Bucket) { b.collect(ctx, bk) })
}

// s3Buckets reads buckets concurrently; mu guards the clients.
type s3Buckets struct {
	s       *scope
	mu      sync.Mutex
	clients map[string]*s3.Client
}

// client returns an S3 client for a bucket's region.
func (b *s3Buckets) client(region string) *s3.Client {
	b.mu.Lock()
	defer b.mu.Unlock()
	if c := b.clients[region]; c != nil {
		return c
	}
	cfg := b.s.Config().Copy()
	cfg.Region = region
	c := s3.NewFromConfig(cfg, s3PathStyle(cfg))
	b.clients[region] = c
	return c
}

func (b *s3Buckets) collect(ctx context.Context, bk s3types.Bucket) {
	name := aws.ToString(bk.Name)
	region := aws.ToString(bk.BucketRegion)
	if region == "" {
		loc, err := b.client(b.s.Config().Region).GetBucketLocation(ctx, &s3.GetBucketLocationInput{Bucket: &name})
		if err != nil {
			b.s.failResource("GetBucketLocation", "arn:aws:s3:::"+name, err)
			return
		}
		region = bucketRegion(string(loc.LocationConstraint))
	}
	c := b.client(region)
	a := &model.S3Bucket{Name: name}
	raw := map[string]any{"Bucket": bk, "Region": region}
	in := func() *string { return &name }
	rd := b.s.reads("arn:aws:s3:::" + name)

	// The canned ACL a bucket was created with cannot be read back: the
	// grants say it all. Only the owner's lone FULL_CONTROL is "private".
	rd.call("GetBucketAcl", []string{"grants", "canned_acl"}, func() error {
		acl, err := c.GetBucketAcl(ctx, &s3.GetBucketAclInput{Bucket: in()})
		if err != nil {
			return err
		}
		raw["Acl"] = acl
		a.Grants, a.CannedACL = s3Grants(acl)
		return nil
	})
	rd.call("GetBucketPolicy", []string{"policy"}, func() error {
		pol, err := c.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: in()})
		if awsCodeIn(err, "NoSuchBucketPolicy") || err == nil && aws.ToString(pol.Policy) == "" {
			return nil
		}
		if err != nil {
			return err
		}
		raw["Policy"] = aws.ToString(pol.Policy)
		a.Policy, err = model.ParsePolicyDocument(aws.ToString(pol.Policy))
		return err
	})
	rd.call("GetPublicAccessBlock", []string{"public_access_block"}, func() error {
		pab, err := c.GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: in()})
		if awsCodeIn(err, "NoSuchPublicAccessBlockConfiguration") {
			return nil
		}
		if err != nil {
			return err
		}
		if cfg := pab.PublicAccessBlockConfiguration; cfg != nil {
			raw["PublicAccessBlock"] = cfg
			a.PublicAccessBlock = &model.S3PublicAccessBlock{
				BlockPublicACLs:       aws.ToBool(cfg.BlockPublicAcls),
				IgnorePublicACLs:      aws.ToBool(cfg.IgnorePublicAcls),
				BlockPublicPolicy:     aws.ToBool(cfg.BlockPublicPolicy),
				RestrictPublicBuckets: aws.ToBool(cfg.RestrictPublicBuckets),
			}
		}
		return nil
	})
	rd.call("GetBucketEncryption", []string{"encryption"}, func() error {
		enc, err := c.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: in()})
		if awsCodeIn(err, "ServerSideEncryptionConfigurationNotFoundError") {
			return nil
		}
		if err != nil {
			return err
		}
		if sse := enc.ServerSideEncryptionConfiguration; sse != nil && len(sse.Rules) > 0 {
			raw["Encryption"] = sse
			a.Encryption.Enabled = true
			r := sse.Rules[0]
			a.Encryption.BucketKeyEnabled = aws.ToBool(r.BucketKeyEnabled)
			if d := r.ApplyServerSideEncryptionByDefault; d != nil {
				a.Encryption.Algorithm = string(d.SSEAlgorithm)
				a.Encryption.KMSKeyID = aws.ToString(d.KMSMasterKeyID)
			}
		}
		return nil
	})
	rd.call("GetBucketVersioning", []string{"versioning"}, func() error {
		v, err := c.GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: in()})
		if err != nil {
			return err
		}
		raw["Versioning"] = v
		a.Versioning.Enabled = v.Status == s3types.BucketVersioningStatusEnabled
		a.Versioning.MFADelete = v.MFADelete == s3types.MFADeleteStatusEnabled
		return nil
	})
	rd.call("GetBucketLogging", []string{"logging"}, func() error {
		l, err := c.GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: in()})
		if err != nil {
			return err
		}
		if l.LoggingEnabled != nil {
			raw["Logging"] = l.LoggingEnabled
			a.Logging.Enabled = true
			a.Logging.TargetBucket = aws.ToString(l.LoggingEnabled.TargetBucket)
		}
		return nil
	})
	rd.call("GetObjectLockConfiguration", []string{"object_lock_enabled"}, func() error {
		ol, err := c.GetObjectLockConfiguration(ctx, &s3.GetObjectLockConfigurationInput{Bucket: in()})
		if awsCodeIn(err, "ObjectLockConfigurationNotFoundError") {
			return nil
		}
		if err != nil {
			return err
		}
		if cfg := ol.ObjectLockConfiguration; cfg != nil {
			raw["ObjectLock"] = cfg
			a.ObjectLockEnabled = cfg.ObjectLockEnabled == s3types.ObjectLockEnabledEnabled
		}
		return nil
	})
	rd.call("GetBucketLifecycleConfiguration", []string{"lifecycle_rules"}, func() error {
		lc, err := c.GetBucketLifecycleConfiguration(ctx, &s3.GetBucketLifecycleConfigurationInput{Bucket: in()})
		if awsCodeIn(err, "NoSuchLifecycleConfiguration") {
			return nil
		}
		if err != nil {
			return err
		}
		raw["Lifecycle"] = lc.Rules
		for _, r := range lc.Rules {
			if r.Status == s3types.ExpirationStatusEnabled {
				a.LifecycleRules++
			}
		}
		return nil
	})
	// Without ownership controls a bucket behaves as ObjectWriter: ACLs
	// are in force.
	rd.call("GetBucketOwnershipControls", []string{"object_ownership"}, func() error {
		oc, err := c.GetBucketOwnershipControls(ctx, &s3.GetBucketOwnershipControlsInput{Bucket: in()})
		if awsCodeIn(err, "OwnershipControlsNotFoundError") {
			a.ObjectOwnership = string(s3types.ObjectOwnershipObjectWriter)
			return nil
		}
		if err != nil {
			return err
		}
		a.ObjectOwnership = string(s3types.ObjectOwnershipObjectWriter)
		if oc.OwnershipControls != nil && len(oc.OwnershipControls.Rules) > 0 {
			raw["OwnershipControls"] = oc.OwnershipControls
			a.ObjectOwnership = string(oc.OwnershipControls.Rules[0].ObjectOwnership)
		}
		return nil
	})
	rd.call("GetBucketReplication", []string{"replication_rules"}, func() error {
		rep, err := c.GetBucketReplication(ctx, &s3.GetBucketReplicationInput{Bucket: in()})
		if awsCodeIn(err, "ReplicationConfigurationNotFoundError") {
			return nil
		}
		if err != nil {
			return err
		}
		if cfg := rep.ReplicationConfiguration; cfg != nil {
			raw["Replication"] = cfg
			for _, r := range cfg.Rules {
				if r.Status == s3types.ReplicationRuleStatusEnabled {
					a.ReplicationRules++
				}
			}
		}
		return nil
	})
	// A bucket without notifications answers an empty configuration.
	rd.call("GetBucketNotificationConfiguration", []string{"event_notifications"}, func() error {
		n, err := c.GetBucketNotificationConfiguration(ctx, &s3.GetBucketNotificationConfigurationInput{Bucket: in()})
		if err != nil {
			return err
		}
		a.EventNotifications = len(n.TopicConfigurations) + len(n.QueueConfigurations) + len(n.LambdaFunctionConfigurations)
		if n.EventBridgeConfiguration != nil {
			a.EventNotifications++
		}
		if a.EventNotifications > 0 {
			raw["Notifications"] = map[string]any{"TopicConfigurations": n.TopicConfigurations, "QueueConfigurations": n.QueueConfigurations,
				"LambdaFunctionConfigurations": n.LambdaFunctionConfigurations, "EventBridgeConfiguration": n.EventBridgeConfiguration}
		}
		return nil
	})
	var tags map[string]string
	rd.call("GetBucketTagging", []string{model.TagsPath}, func() error {
		t, err := c.GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: in()})
		if awsCodeIn(err, "NoSuchTagSet", "NoSuchTagSetError") {
			return nil
		}
		if err != nil {
			return err
		}
		tags = addTags(nil, t.TagSet, func(t s3types.Tag) (*string, *string) { return t.Key, t.Value })
		return nil
	})
	var rels []model.Relation
	if a.Encryption.KMSKeyID != "" {
		rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.Encryption.KMSKeyID})
	}
	if a.Logging.TargetBucket != "" {
		rels = append(rels, model.Relation{Type: model.RelLogsTo, Target: "arn:aws:s3:::" + a.Logging.TargetBucket})
	}
	rd.addIn(region, model.KindS3Bucket.With(a), name, raw, tags, rels...)
}

// s3Grants converts an ACL to grants and the canned ACL it is known to
// equal: "private" when the owner alone has FULL_CONTROL, else "".
func s3Grants(acl *s3.GetBucketAclOutput) ([]model.S3Grant, string) {
	grants := []model.S3Grant{}
	for _, g := range acl.Grants {
		mg := model.S3Grant{Permission: string(g.Permission)}
		if ge := g.Grantee; ge != nil {
			mg.GranteeType = string(ge.Type)
			mg.GranteeID = aws.ToString(ge.ID)
			mg.GranteeURI = aws.ToString(ge.URI)
			if mg.GranteeID == "" && ge.EmailAddress != nil {
				mg.GranteeID = aws.ToString(ge.EmailAddress)
			}
		}
		grants = append(grants, mg)
	}
	owner := ""
	if acl.Owner != nil {
		owner = aws.ToString(acl.Owner.ID)
	}
	if len(grants) == 1 && grants[0].Permission == "FULL_CONTROL" &&
		grants[0].GranteeType == "CanonicalUser" && grants[0].GranteeID == owner {
		return grants, "private"
	}
	return grants, ""
}

// bucketRegion turns a LocationConstraint into a region: empty is
// us-east-1, and "EU" is the legacy name of eu-west-1.
func bucketRegion(loc string) string {
	switch loc {
	case "":
		return "us-east-1"
	case "EU":
		return "eu-west-1"
	}
	return loc
}

// s3PathStyle addresses buckets by path on custom endpoints (moto,
// LocalStack), which cannot resolve bucket host names.
func s3PathStyle(cfg aws.Config) func(*s3.Options) {
	return func(o *s3.Options) { o.UsePathStyle = customEndpoint(cfg) }
}

// collectS3AccountBlock reads the account-level public access block. When
// none is configured nothing is blocked at account level: the effective
// value is a block with every setting off (a finding, CIS 2.1.4); it stays
// null (unknown) only when it could not be read.
func collectS3AccountBlock(ctx context.Context, s *scope) {
	c := s3control.NewFromConfig(s.Config(), func(o *s3control.Options) {
		// The SDK prefixes the host with the account id; a custom
		// endpoint must be used exactly as given.
		if o.BaseEndpoint != nil {
			o.EndpointResolverV2 = s3controlEndpoint{*o.BaseEndpoint}
		}
	})
	out, err := c.GetPublicAccessBlock(ctx, &s3control.GetPublicAccessBlockInput{AccountId: aws.String(s.account)})
	if err != nil {
		if !awsCodeIn(err, "NoSuchPublicAccessBlockConfiguration") {
			s.fail("GetAccountPublicAccessBlock", err)
			return
		}
		s.accountFact(func(a *model.AWSAccount) { a.S3PublicAccessBlock = &model.S3PublicAccessBlock{} })
		return
	}
	pab := &model.S3PublicAccessBlock{}
	if cfg := out.PublicAccessBlockConfiguration; cfg != nil {
		pab = &model.S3PublicAccessBlock{
			BlockPublicACLs:       aws.ToBool(cfg.BlockPublicAcls),
			IgnorePublicACLs:      aws.ToBool(cfg.IgnorePublicAcls),
			BlockPublicPolicy:     aws.ToBool(cfg.BlockPublicPolicy),
			RestrictPublicBuckets: aws.ToBool(cfg.RestrictPublicBuckets),
		}
	}
	s.accountFact(func(a *model.AWSAccount) { a.S3PublicAccessBlock = pab })
}

// s3controlEndpoint resolves every s3control operation to one URL.
type s3controlEndpoint struct{ url string }

func (f s3controlEndpoint) ResolveEndpoint(_ context.Context, _ s3control.EndpointParameters) (smithyendpoints.Endpoint, error) {
	u, err := url.Parse(f.url)
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	return smithyendpoints.Endpoint{URI: *u}, nil
}
