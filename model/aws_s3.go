package model

// Kinds of this service.
var (
	KindS3Bucket = NewKind[S3Bucket]("aws.s3.bucket", "S3 bucket with its ACL, policy, public access block, encryption, versioning and logging")
)

// S3PublicAccessBlock is a bucket- or account-level public access block.
type S3PublicAccessBlock struct {
	BlockPublicACLs       bool `json:"block_public_acls"`
	IgnorePublicACLs      bool `json:"ignore_public_acls"`
	BlockPublicPolicy     bool `json:"block_public_policy"`
	RestrictPublicBuckets bool `json:"restrict_public_buckets"`
}

// S3Grant is one ACL grant.
type S3Grant struct {
	GranteeType string `json:"grantee_type" doc:"CanonicalUser, Group or AmazonCustomerByEmail"`
	GranteeID   string `json:"grantee_id,omitempty"`
	GranteeURI  string `json:"grantee_uri,omitempty" doc:"for groups, e.g. http://acs.amazonaws.com/groups/global/AllUsers"`
	Permission  string `json:"permission" doc:"READ, WRITE, READ_ACP, WRITE_ACP, FULL_CONTROL"`
}

// S3Bucket is kind aws.s3.bucket, joined from the bucket and its ACL,
// policy, public access block, encryption, versioning, logging, object lock
// and lifecycle settings.
type S3Bucket struct {
	Name               string               `json:"name"`
	CannedACL          string               `json:"canned_acl" doc:"private, public-read, public-read-write, authenticated-read ... empty when grants are explicit"`
	Grants             []S3Grant            `json:"grants"`
	Policy             *PolicyDocument      `json:"policy" doc:"null when the bucket has no policy"`
	PublicAccessBlock  *S3PublicAccessBlock `json:"public_access_block" doc:"null when no bucket-level block is configured"`
	Encryption         S3Encryption         `json:"encryption"`
	Versioning         S3Versioning         `json:"versioning"`
	Logging            S3Logging            `json:"logging"`
	ObjectLockEnabled  bool                 `json:"object_lock_enabled"`
	LifecycleRules     int                  `json:"lifecycle_rules" doc:"number of enabled lifecycle rules"`
	ObjectOwnership    string               `json:"object_ownership" doc:"BucketOwnerEnforced disables ACLs"`
	ReplicationRules   int                  `json:"replication_rules" doc:"number of enabled replication rules; 0 when the bucket does not replicate"`
	EventNotifications int                  `json:"event_notifications" doc:"event notification targets: SNS topics, SQS queues and Lambda functions configured, plus 1 when events go to EventBridge"`
	// AssumedDefaults names the settings an IaC source leaves to AWS: they
	// hold what AWS gives a new bucket, not what the author declared, so a
	// rule can tell declared intent from an assumed protection.
	AssumedDefaults []string `json:"assumed_defaults" doc:"IaC only: settings not declared, shown as AWS sets them on a new bucket (public_access_block, object_ownership); empty for a live bucket"`
}

// S3 settings an IaC source may leave to AWS's defaults for new buckets
// (S3Bucket.AssumedDefaults).
const (
	S3AssumedPublicAccessBlock = "public_access_block"
	S3AssumedObjectOwnership   = "object_ownership"
)

// S3Encryption is a bucket's default encryption.
type S3Encryption struct {
	Enabled          bool   `json:"enabled" doc:"a default encryption configuration exists"`
	Algorithm        string `json:"algorithm" doc:"AES256, aws:kms or aws:kms:dsse"`
	KMSKeyID         string `json:"kms_key_id"`
	BucketKeyEnabled bool   `json:"bucket_key_enabled"`
}

// S3Versioning is a bucket's versioning state.
type S3Versioning struct {
	Enabled   bool `json:"enabled"`
	MFADelete bool `json:"mfa_delete"`
}

// S3Logging is a bucket's server access logging.
type S3Logging struct {
	Enabled      bool   `json:"enabled"`
	TargetBucket string `json:"target_bucket"`
}
