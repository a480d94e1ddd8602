package tfaws

import (
	"strings"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// S3: aws_s3_bucket plus the split resources of provider v4+ and the inline
// arguments of v3, joined into one aws.s3.bucket.
func init() {
	bucketTypes := []string{"aws_s3_bucket"}
	registerParent("aws_s3_bucket", model.KindS3Bucket, func(b *Builder) {
		a := model.KindS3Bucket.Must(b.R)
		a.Name = b.String("bucket", "name", "")
		if a.Name != "" {
			b.R.Name = a.Name
		}
		// What AWS applies to every new bucket (a live scan sees the same):
		// Block Public Access on (April 2023), ACLs disabled by
		// BucketOwnerEnforced (April 2023), SSE-S3 encryption (January
		// 2023). Split resources and inline arguments override them.
		a.PublicAccessBlock = &model.S3PublicAccessBlock{BlockPublicACLs: true, IgnorePublicACLs: true,
			BlockPublicPolicy: true, RestrictPublicBuckets: true}
		a.ObjectOwnership = "BucketOwnerEnforced"
		// Both stay assumed until a split resource declares them.
		a.AssumedDefaults = []string{model.S3AssumedObjectOwnership, model.S3AssumedPublicAccessBlock}
		a.Encryption = model.S3Encryption{Enabled: true, Algorithm: "AES256"}
		// A bucket with neither an ACL resource nor an acl argument is
		// private (the S3 default).
		a.CannedACL = "private"
		if !planComputed(b, "acl") {
			a.CannedACL = b.String("acl", "canned_acl", "private")
		}
		if !planComputed(b, "policy") {
			a.Policy = b.Policy("policy", "policy")
		}
		if inline(b, "server_side_encryption_configuration") {
			b.applyEncryption(a, "server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0]")
		}
		if inline(b, "versioning") {
			a.Versioning.Enabled = b.Bool("versioning[0].enabled", "versioning.enabled", false)
			a.Versioning.MFADelete = b.Bool("versioning[0].mfa_delete", "versioning.mfa_delete", false)
		}
		// A plan of an existing bucket holds logging = [] when none is set.
		if inline(b, "logging") {
			a.Logging.TargetBucket = b.String("logging[0].target_bucket", "logging.target_bucket", "")
			a.Logging.Enabled = true
		}
		if !planComputed(b, "object_lock_enabled") {
			a.ObjectLockEnabled = b.Bool("object_lock_enabled", "object_lock_enabled", false)
		}
		if inline(b, "object_lock_configuration") {
			a.ObjectLockEnabled = a.ObjectLockEnabled ||
				b.String("object_lock_configuration[0].object_lock_enabled", "object_lock_enabled", "") == "Enabled"
		}
		for _, r := range b.Blocks("lifecycle_rule") {
			if e, ok := r["enabled"].(bool); ok && e {
				a.LifecycleRules++
			}
		}
		// The provider's older inline form; aws_s3_bucket_replication_configuration replaces it.
		// A plan computes it when not configured: not a declaration.
		if !planComputed(b, "replication_configuration") {
			a.ReplicationRules += enabledRules(b, "replication_configuration[0].rules", "status")
		}
	})
	registerChild("aws_s3_bucket_acl", "bucket", bucketTypes, func(p *Builder, c *Child) {
		a := model.KindS3Bucket.Must(p.R)
		if c.Has("acl") {
			a.CannedACL = c.String("acl", "canned_acl", "private")
		}
		if c.Has("access_control_policy") {
			a.CannedACL = ""
			for i, g := range c.Blocks("access_control_policy[0].grant") {
				grantee, _ := firstBlock(g["grantee"])
				a.Grants = append(a.Grants, model.S3Grant{
					GranteeType: str(grantee["type"]),
					GranteeID:   str(grantee["id"]),
					GranteeURI:  str(grantee["uri"]),
					Permission:  str(g["permission"]),
				})
				c.locate(model.Path("access_control_policy[0].grant", i), model.Path("grants", i))
			}
		}
	})
	registerChild("aws_s3_bucket_policy", "bucket", bucketTypes, func(p *Builder, c *Child) {
		model.KindS3Bucket.Must(p.R).Policy = c.Policy("policy", "policy")
	})
	registerChild("aws_s3_bucket_public_access_block", "bucket", bucketTypes, func(p *Builder, c *Child) {
		model.KindS3Bucket.Must(p.R).PublicAccessBlock = &model.S3PublicAccessBlock{
			BlockPublicACLs:       c.Bool("block_public_acls", "public_access_block.block_public_acls", false),
			IgnorePublicACLs:      c.Bool("ignore_public_acls", "public_access_block.ignore_public_acls", false),
			BlockPublicPolicy:     c.Bool("block_public_policy", "public_access_block.block_public_policy", false),
			RestrictPublicBuckets: c.Bool("restrict_public_buckets", "public_access_block.restrict_public_buckets", false),
		}
		c.locate("", "public_access_block")
		declared(model.KindS3Bucket.Must(p.R), model.S3AssumedPublicAccessBlock)
	})
	registerChild("aws_s3_bucket_server_side_encryption_configuration", "bucket", bucketTypes, func(p *Builder, c *Child) {
		c.applyEncryption(model.KindS3Bucket.Must(p.R), "rule[0].apply_server_side_encryption_by_default[0]")
	})
	registerChild("aws_s3_bucket_versioning", "bucket", bucketTypes, func(p *Builder, c *Child) {
		a := model.KindS3Bucket.Must(p.R)
		a.Versioning.Enabled = c.String("versioning_configuration[0].status", "versioning.enabled", "") == "Enabled"
		a.Versioning.MFADelete = c.String("versioning_configuration[0].mfa_delete", "versioning.mfa_delete", "") == "Enabled"
	})
	registerChild("aws_s3_bucket_logging", "bucket", bucketTypes, func(p *Builder, c *Child) {
		a := model.KindS3Bucket.Must(p.R)
		a.Logging.Enabled = true
		a.Logging.TargetBucket = c.String("target_bucket", "logging.target_bucket", "")
		c.locate("", "logging.enabled")
	})
	registerChild("aws_s3_bucket_object_lock_configuration", "bucket", bucketTypes, func(p *Builder, c *Child) {
		model.KindS3Bucket.Must(p.R).ObjectLockEnabled = c.String("object_lock_enabled", "object_lock_enabled", "Enabled") == "Enabled"
	})
	registerChild("aws_s3_bucket_lifecycle_configuration", "bucket", bucketTypes, func(p *Builder, c *Child) {
		a := model.KindS3Bucket.Must(p.R)
		for _, r := range c.Blocks("rule") {
			if strings.EqualFold(str(r["status"]), "Enabled") {
				a.LifecycleRules++
			}
		}
	})
	registerChild("aws_s3_bucket_replication_configuration", "bucket", bucketTypes, func(p *Builder, c *Child) {
		model.KindS3Bucket.Must(p.R).ReplicationRules += enabledRules(c, "rule", "status")
	})
	registerChild("aws_s3_bucket_notification", "bucket", bucketTypes, func(p *Builder, c *Child) {
		a := model.KindS3Bucket.Must(p.R)
		for _, kind := range []string{"topic", "queue", "lambda_function"} {
			if v, ok := c.Lookup(kind); ok && instance.IsUnknown(v) {
				c.Target().MarkUnknown("event_notifications")
			}
			a.EventNotifications += len(c.Blocks(kind))
		}
		c.locate("", "event_notifications")
		if c.Bool("eventbridge", "event_notifications", false) {
			a.EventNotifications++
		}
	})
	registerChild("aws_s3_bucket_ownership_controls", "bucket", bucketTypes, func(p *Builder, c *Child) {
		a := model.KindS3Bucket.Must(p.R)
		a.ObjectOwnership = c.String("rule[0].object_ownership", "object_ownership", "")
		declared(a, model.S3AssumedObjectOwnership)
	})
}

// declared drops setting from the bucket's assumed defaults: a resource of
// the configuration sets it.
func declared(a *model.S3Bucket, setting string) {
	kept := a.AssumedDefaults[:0]
	for _, s := range a.AssumedDefaults {
		if s != setting {
			kept = append(kept, s)
		}
	}
	a.AssumedDefaults = kept
}

// planComputed reports whether a top-level argument of a planned resource
// is only the provider's computed value: plan JSON marks every
// Optional+Computed argument the configuration leaves out (aws_s3_bucket's
// acl, policy, versioning, logging ...) as unknown on create, and that
// means "as AWS creates it", not "configured, value to come". An argument
// the configuration sets (policy = module.p.json) is genuinely unknown, and
// so is everything when the plan carries no configuration.
func planComputed(b *Builder, attr string) bool {
	if b.R.Source != model.SourceTerraformPlan || b.In.Configured == nil || b.In.Configured[attr] {
		return false
	}
	v, ok := b.Lookup(attr)
	return ok && instance.IsUnknown(v)
}

// inline reports whether a nested block is configured on the resource
// itself: present, not an empty list, and not merely computed.
func inline(b *Builder, attr string) bool {
	return b.HasBlock(attr) && !planComputed(b, attr)
}

// applyEncryption reads an apply_server_side_encryption_by_default block.
func (b *Builder) applyEncryption(a *model.S3Bucket, base string) {
	a.Encryption.Enabled = true
	a.Encryption.Algorithm = b.String(base+".sse_algorithm", "encryption.algorithm", "")
	a.Encryption.KMSKeyID = b.String(base+".kms_master_key_id", "encryption.kms_key_id", "")
	b.locate(base, "encryption.enabled")
}

func firstBlock(v any) (map[string]any, bool) {
	if l, ok := v.([]any); ok && len(l) > 0 {
		m, ok := l[0].(map[string]any)
		return m, ok
	}
	m, ok := v.(map[string]any)
	return m, ok
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// enabledRules counts the blocks at path whose status is Enabled; an
// unknown list or status leaves replication_rules unknown.
func enabledRules(b *Builder, path, status string) int {
	v, ok := b.Lookup(path)
	if !ok {
		return 0
	}
	if instance.IsUnknown(v) {
		b.Target().MarkUnknown("replication_rules")
		return 0
	}
	b.locate(path, "replication_rules")
	n := 0
	for _, r := range instance.Blocks(v) {
		if instance.IsUnknown(r[status]) {
			b.Target().MarkUnknown("replication_rules")
		}
		if strings.EqualFold(str(r[status]), "Enabled") {
			n++
		}
	}
	return n
}
