package aws

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
)

const s3NS = "http://s3.amazonaws.com/doc/2006-03-01/"

// s3World is S3 in one region: the buckets that live there. ListBuckets
// lists every region's buckets.
type s3World struct {
	Buckets []s3Bucket `json:"buckets"`
}

// s3Bucket is a bucket and what each GetBucket* call returns about it. A
// nil setting is one the bucket does not have, answered with S3's own
// "not configured" error where S3 has one.
type s3Bucket struct {
	Name         string    `json:"name"`
	CreationDate time.Time `json:"creation_date"`
	// Grants is the ACL; none means the owner's lone FULL_CONTROL. A
	// CanonicalUser grantee without an ID is the owner.
	Grants []s3types.Grant `json:"grants"`
	// Policy is the policy document, as a mapping or as JSON text.
	Policy            json.RawMessage                            `json:"policy"`
	PublicAccessBlock *s3types.PublicAccessBlockConfiguration    `json:"public_access_block"`
	Encryption        *s3types.ServerSideEncryptionConfiguration `json:"encryption"`
	Versioning        *s3types.VersioningConfiguration           `json:"versioning"`
	Logging           *s3types.LoggingEnabled                    `json:"logging"`
	ObjectLock        *s3types.ObjectLockConfiguration           `json:"object_lock"`
	Lifecycle         []s3types.LifecycleRule                    `json:"lifecycle"`
	OwnershipControls *s3types.OwnershipControls                 `json:"ownership_controls"`
	Tags              map[string]string                          `json:"tags"`
	// Replication is answered with ReplicationConfigurationNotFoundError
	// when nil; Notifications with an empty configuration.
	Replication   *s3types.ReplicationConfiguration `json:"replication"`
	Notifications *s3Notifications                  `json:"notifications"`
}

// s3Notifications is a bucket's NotificationConfiguration; EventBridge
// true sends its events to EventBridge.
type s3Notifications struct {
	Topics      []s3types.TopicConfiguration          `json:"topics"`
	Queues      []s3types.QueueConfiguration          `json:"queues"`
	Functions   []s3types.LambdaFunctionConfiguration `json:"functions"`
	EventBridge bool                                  `json:"eventbridge"`
}

// policyText is the bucket policy as GetBucketPolicy returns it.
func (b *s3Bucket) policyText() string {
	var s string
	if json.Unmarshal(b.Policy, &s) == nil {
		return s
	}
	return string(b.Policy)
}

// s3ListPage is ListBuckets' page once the caller pages (max-buckets,
// prefix, bucket-region or a continuation token); a bare ListBuckets
// returns every bucket.
const s3ListPage = 10000

func init() {
	sub := func(query, op string) route {
		return route{method: http.MethodGet, pattern: "/{Bucket}", query: query, op: op}
	}
	register(&service{name: "s3", signing: "s3", protocol: protoRESTXML, xmlns: s3NS,
		newWorld: func() any { return &s3World{} },
		names: names{
			rename: map[string]string{
				"ServerSideEncryptionConfiguration.Rules":                "Rule",
				"OwnershipControls.Rules":                                "Rule",
				"BucketLifecycleConfiguration.Rules":                     "Rule",
				"LifecycleRule.Transitions":                              "Transition",
				"LifecycleRule.NoncurrentVersionTransitions":             "NoncurrentVersionTransition",
				"LifecycleRuleAndOperator.Tags":                          "Tag",
				"ReplicationConfiguration.Rules":                         "Rule",
				"NotificationConfiguration.TopicConfigurations":          "TopicConfiguration",
				"NotificationConfiguration.QueueConfigurations":          "QueueConfiguration",
				"NotificationConfiguration.LambdaFunctionConfigurations": "CloudFunctionConfiguration",
				"TopicConfiguration.TopicArn":                            "Topic",
				"TopicConfiguration.Events":                              "Event",
				"QueueConfiguration.QueueArn":                            "Queue",
				"QueueConfiguration.Events":                              "Event",
				"LambdaFunctionConfiguration.LambdaFunctionArn":          "CloudFunction",
				"LambdaFunctionConfiguration.Events":                     "Event",
			},
			member: map[string]string{
				"ServerSideEncryptionConfiguration.Rules":                "",
				"OwnershipControls.Rules":                                "",
				"BucketLifecycleConfiguration.Rules":                     "",
				"LifecycleRule.Transitions":                              "",
				"LifecycleRule.NoncurrentVersionTransitions":             "",
				"LifecycleRuleAndOperator.Tags":                          "",
				"ReplicationConfiguration.Rules":                         "",
				"NotificationConfiguration.TopicConfigurations":          "",
				"NotificationConfiguration.QueueConfigurations":          "",
				"NotificationConfiguration.LambdaFunctionConfigurations": "",
				"TopicConfiguration.Events":                              "",
				"QueueConfiguration.Events":                              "",
				"LambdaFunctionConfiguration.Events":                     "",
				"ListBucketsOutput.Buckets":                              "Bucket",
				"Tagging.TagSet":                                         "Tag",
				"LoggingEnabled.TargetGrants":                            "Grant",
			},
		},
		routes: []route{
			{method: http.MethodGet, pattern: "/", op: "ListBuckets"},
			sub("location", "GetBucketLocation"),
			sub("acl", "GetBucketAcl"),
			sub("policy", "GetBucketPolicy"),
			sub("publicAccessBlock", "GetPublicAccessBlock"),
			sub("encryption", "GetBucketEncryption"),
			sub("versioning", "GetBucketVersioning"),
			sub("logging", "GetBucketLogging"),
			sub("object-lock", "GetObjectLockConfiguration"),
			sub("lifecycle", "GetBucketLifecycleConfiguration"),
			sub("ownershipControls", "GetBucketOwnershipControls"),
			sub("tagging", "GetBucketTagging"),
			sub("replication", "GetBucketReplication"),
			sub("notification", "GetBucketNotificationConfiguration"),
		},
		ops: map[string]op{
			"ListBuckets": listBuckets,
			"GetBucketLocation": func(c *call) (any, error) {
				_, region, err := bucketOf(c)
				if err != nil {
					return nil, err
				}
				if region == "us-east-1" {
					region = "" // us-east-1's LocationConstraint is null
				}
				return &rawAnswer{contentType: "application/xml", body: []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
					`<LocationConstraint xmlns="` + s3NS + `">` + region + `</LocationConstraint>`)}, nil
			},
			"GetBucketAcl": bucketAcl,
			"GetBucketPolicy": withBucket(func(c *call, b *s3Bucket) (any, error) {
				if len(b.Policy) == 0 {
					return nil, notFound("NoSuchBucketPolicy", "The bucket policy does not exist")
				}
				return &rawAnswer{contentType: "application/json", body: []byte(b.policyText())}, nil
			}),
			"GetPublicAccessBlock": withBucket(func(c *call, b *s3Bucket) (any, error) {
				if b.PublicAccessBlock == nil {
					return nil, notFound("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found")
				}
				return &xmlDoc{"PublicAccessBlockConfiguration", b.PublicAccessBlock}, nil
			}),
			"GetBucketEncryption": withBucket(func(c *call, b *s3Bucket) (any, error) {
				if b.Encryption == nil {
					return nil, notFound("ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found")
				}
				return &xmlDoc{"ServerSideEncryptionConfiguration", b.Encryption}, nil
			}),
			"GetBucketVersioning": withBucket(func(c *call, b *s3Bucket) (any, error) {
				// A bucket whose versioning was never set answers an empty
				// configuration, not an error.
				v := b.Versioning
				if v == nil {
					v = &s3types.VersioningConfiguration{}
				}
				return &xmlDoc{"VersioningConfiguration", v}, nil
			}),
			"GetBucketLogging": withBucket(func(c *call, b *s3Bucket) (any, error) {
				return &xmlDoc{"BucketLoggingStatus", &s3types.BucketLoggingStatus{LoggingEnabled: b.Logging}}, nil
			}),
			"GetObjectLockConfiguration": withBucket(func(c *call, b *s3Bucket) (any, error) {
				if b.ObjectLock == nil {
					return nil, notFound("ObjectLockConfigurationNotFoundError", "Object Lock configuration does not exist for this bucket")
				}
				return &xmlDoc{"ObjectLockConfiguration", b.ObjectLock}, nil
			}),
			"GetBucketLifecycleConfiguration": withBucket(func(c *call, b *s3Bucket) (any, error) {
				if len(b.Lifecycle) == 0 {
					return nil, notFound("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist")
				}
				return &xmlDoc{"LifecycleConfiguration", &s3types.BucketLifecycleConfiguration{Rules: b.Lifecycle}}, nil
			}),
			"GetBucketOwnershipControls": withBucket(func(c *call, b *s3Bucket) (any, error) {
				if b.OwnershipControls == nil {
					return nil, notFound("OwnershipControlsNotFoundError", "The bucket ownership controls were not found")
				}
				return &xmlDoc{"OwnershipControls", b.OwnershipControls}, nil
			}),
			"GetBucketReplication": withBucket(func(c *call, b *s3Bucket) (any, error) {
				if b.Replication == nil {
					return nil, notFound("ReplicationConfigurationNotFoundError", "The replication configuration was not found")
				}
				return &xmlDoc{"ReplicationConfiguration", b.Replication}, nil
			}),
			"GetBucketNotificationConfiguration": withBucket(func(c *call, b *s3Bucket) (any, error) {
				n := &s3types.NotificationConfiguration{}
				if b.Notifications != nil {
					n.TopicConfigurations, n.QueueConfigurations = b.Notifications.Topics, b.Notifications.Queues
					n.LambdaFunctionConfigurations = b.Notifications.Functions
					if b.Notifications.EventBridge {
						n.EventBridgeConfiguration = &s3types.EventBridgeConfiguration{}
					}
				}
				return &xmlDoc{"NotificationConfiguration", n}, nil
			}),
			"GetBucketTagging": withBucket(func(c *call, b *s3Bucket) (any, error) {
				if len(b.Tags) == 0 {
					return nil, notFound("NoSuchTagSet", "The TagSet does not exist")
				}
				keys := make([]string, 0, len(b.Tags))
				for k := range b.Tags {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				t := &s3types.Tagging{TagSet: []s3types.Tag{}}
				for _, k := range keys {
					t.TagSet = append(t.TagSet, s3types.Tag{Key: aws.String(k), Value: aws.String(b.Tags[k])})
				}
				return &xmlDoc{"Tagging", t}, nil
			}),
		}})
}

// canonicalUser is an account's S3 canonical user id: 64 hex digits,
// stable per account.
func canonicalUser(account string) string {
	sum := sha256.Sum256([]byte("testcloud-canonical-user:" + account))
	return hex.EncodeToString(sum[:])
}

// listBuckets lists the account's buckets of every region, by name.
func listBuckets(c *call) (any, error) {
	prefix, only := c.param("prefix"), c.param("bucket-region")
	var all []s3types.Bucket
	for region, w := range regionWorlds[s3World](c) {
		for _, b := range w.Buckets {
			if !strings.HasPrefix(b.Name, prefix) || (only != "" && only != region) {
				continue
			}
			bk := s3types.Bucket{Name: aws.String(b.Name), BucketRegion: aws.String(region)}
			if !b.CreationDate.IsZero() {
				bk.CreationDate = aws.Time(b.CreationDate.UTC())
			}
			all = append(all, bk)
		}
	}
	sort.Slice(all, func(i, j int) bool { return *all[i].Name < *all[j].Name })
	size := len(all)
	for _, k := range []string{"max-buckets", "continuation-token", "prefix", "bucket-region"} {
		if c.query.Has(k) {
			size = min(c.intParam("max-buckets", s3ListPage), s3ListPage)
		}
	}
	items, next, err := page(all, c.param("continuation-token"), size)
	if err != nil {
		return nil, badRequest("InvalidArgument", "The continuation token provided is incorrect")
	}
	return &xmlDoc{"ListAllMyBucketsResult", &s3.ListBucketsOutput{Buckets: items, ContinuationToken: optional(next),
		Prefix: optional(prefix), Owner: &s3types.Owner{ID: aws.String(canonicalUser(c.account.ID))}}}, nil
}

// bucketOf finds the request's bucket and its region. S3 answers a
// bucket's requests only in the bucket's own region, except
// GetBucketLocation, which any region answers; another account's bucket
// is denied.
func bucketOf(c *call) (*s3Bucket, string, error) {
	name := c.param("Bucket")
	for region, w := range regionWorlds[s3World](c) {
		for i := range w.Buckets {
			if w.Buckets[i].Name != name {
				continue
			}
			if region != c.region && c.op != "GetBucketLocation" {
				return nil, "", badRequest("AuthorizationHeaderMalformed",
					"The authorization header is malformed; the region '%s' is wrong; expecting '%s'", c.region, region)
			}
			return &w.Buckets[i], region, nil
		}
	}
	for _, a := range c.srv.world.Accounts {
		for _, svcs := range a.worlds {
			if w, ok := svcs["s3"].(*s3World); ok && a.ID != c.account.ID {
				for _, b := range w.Buckets {
					if b.Name == name {
						return nil, "", &apiError{status: http.StatusForbidden, code: "AccessDenied", msg: "Access Denied"}
					}
				}
			}
		}
	}
	return nil, "", notFound("NoSuchBucket", "The specified bucket does not exist")
}

// withBucket answers an operation on an existing bucket.
func withBucket(fn func(c *call, b *s3Bucket) (any, error)) op {
	return func(c *call) (any, error) {
		b, _, err := bucketOf(c)
		if err != nil {
			return nil, err
		}
		return fn(c, b)
	}
}

// bucketAcl writes the ACL by hand: a grantee's type is an xsi:type
// attribute, which the reflective encoder does not write.
func bucketAcl(c *call) (any, error) {
	b, _, err := bucketOf(c)
	if err != nil {
		return nil, err
	}
	owner := canonicalUser(c.account.ID)
	grants := b.Grants
	if len(grants) == 0 {
		grants = []s3types.Grant{{Grantee: &s3types.Grantee{Type: s3types.TypeCanonicalUser}, Permission: s3types.PermissionFullControl}}
	}
	var sb strings.Builder
	el := func(name, v string) {
		if v != "" {
			sb.WriteString("<" + name + ">" + xmlEscape(v) + "</" + name + ">")
		}
	}
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<AccessControlPolicy xmlns="` + s3NS + `"><Owner>`)
	el("ID", owner)
	sb.WriteString("</Owner><AccessControlList>")
	for _, g := range grants {
		ge := s3types.Grantee{}
		if g.Grantee != nil {
			ge = *g.Grantee
		}
		id := aws.ToString(ge.ID)
		if ge.Type == s3types.TypeCanonicalUser && id == "" {
			id = owner
		}
		sb.WriteString(fmt.Sprintf(`<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="%s">`, xmlEscape(string(ge.Type))))
		el("ID", id)
		el("DisplayName", aws.ToString(ge.DisplayName))
		el("EmailAddress", aws.ToString(ge.EmailAddress))
		el("URI", aws.ToString(ge.URI))
		sb.WriteString("</Grantee>")
		el("Permission", string(g.Permission))
		sb.WriteString("</Grant>")
	}
	sb.WriteString("</AccessControlList></AccessControlPolicy>")
	return &rawAnswer{contentType: "application/xml", body: []byte(sb.String())}, nil
}
