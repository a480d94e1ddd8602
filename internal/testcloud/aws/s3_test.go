package aws

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/vigil-sec/vigil/model"
)

// s3Client is an S3 client in a region, addressing buckets by path as the
// collector does on custom endpoints.
func s3Client(t *testing.T, w *World, region string) *s3.Client {
	cfg, _ := testCloud(t, w)
	return s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true; o.Region = region })
}

// s3Fragment returns the fragment's buckets by name, and their regions.
func s3Fragment(w *World) (map[string]*s3Bucket, map[string]string) {
	buckets, regions := map[string]*s3Bucket{}, map[string]string{}
	for _, r := range []string{"us-east-1", "eu-west-1"} {
		sw := w.Account(fragmentAccount).worldOf("s3", r).(*s3World)
		for i := range sw.Buckets {
			buckets[sw.Buckets[i].Name] = &sw.Buckets[i]
			regions[sw.Buckets[i].Name] = r
		}
	}
	return buckets, regions
}

// ListBuckets lists every region's buckets with their regions, and each
// GetBucket* call returns the world's setting, or S3's own "not
// configured" error.
func TestS3RoundTrip(t *testing.T) {
	w := fragmentWorld(t, "s3")
	buckets, regions := s3Fragment(w)
	ctx := context.Background()
	clients := map[string]*s3.Client{"us-east-1": s3Client(t, w, "us-east-1"), "eu-west-1": s3Client(t, w, "eu-west-1")}

	list, err := clients["eu-west-1"].ListBuckets(ctx, &s3.ListBucketsInput{})
	if err != nil {
		t.Fatal(err)
	}
	var want []s3types.Bucket
	for name, b := range buckets {
		want = append(want, s3types.Bucket{Name: aws.String(name), BucketRegion: aws.String(regions[name]), CreationDate: aws.Time(b.CreationDate)})
	}
	sort.Slice(want, func(i, j int) bool { return *want[i].Name < *want[j].Name })
	sameJSON(t, "ListBuckets", list.Buckets, want)
	if list.ContinuationToken != nil || aws.ToString(list.Owner.ID) != canonicalUser(fragmentAccount) {
		t.Errorf("ListBuckets: token %v owner %v", list.ContinuationToken, list.Owner)
	}

	for name, b := range buckets {
		c := clients[regions[name]]
		in := func() *string { return aws.String(name) }

		loc, err := clients["us-east-1"].GetBucketLocation(ctx, &s3.GetBucketLocationInput{Bucket: in()})
		if err != nil {
			t.Fatal(err)
		}
		if wantLoc := map[string]string{"us-east-1": "", "eu-west-1": "eu-west-1"}[regions[name]]; string(loc.LocationConstraint) != wantLoc {
			t.Errorf("%s: location %q, want %q", name, loc.LocationConstraint, wantLoc)
		}

		pol, err := c.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: in()})
		if len(b.Policy) == 0 {
			wantCode(t, name+" policy", err, "NoSuchBucketPolicy")
		} else if err != nil || aws.ToString(pol.Policy) != string(b.Policy) {
			t.Errorf("%s policy: %v %q", name, err, aws.ToString(pol.Policy))
		}

		pab, err := c.GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: in()})
		if b.PublicAccessBlock == nil {
			wantCode(t, name+" public access block", err, "NoSuchPublicAccessBlockConfiguration")
		} else if err != nil {
			t.Errorf("%s: %v", name, err)
		} else {
			sameJSON(t, name+" public access block", pab.PublicAccessBlockConfiguration, b.PublicAccessBlock)
		}

		enc, err := c.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: in()})
		if b.Encryption == nil {
			wantCode(t, name+" encryption", err, "ServerSideEncryptionConfigurationNotFoundError")
		} else if err != nil {
			t.Errorf("%s: %v", name, err)
		} else {
			sameJSON(t, name+" encryption", enc.ServerSideEncryptionConfiguration, b.Encryption)
		}

		ver, err := c.GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: in()})
		if err != nil {
			t.Fatal(err)
		}
		wantVer := s3types.VersioningConfiguration{}
		if b.Versioning != nil {
			wantVer = *b.Versioning
		}
		sameJSON(t, name+" versioning", s3types.VersioningConfiguration{Status: ver.Status, MFADelete: s3types.MFADelete(ver.MFADelete)}, wantVer)

		lg, err := c.GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: in()})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, name+" logging", lg.LoggingEnabled, b.Logging)

		ol, err := c.GetObjectLockConfiguration(ctx, &s3.GetObjectLockConfigurationInput{Bucket: in()})
		if b.ObjectLock == nil {
			wantCode(t, name+" object lock", err, "ObjectLockConfigurationNotFoundError")
		} else if err != nil {
			t.Errorf("%s: %v", name, err)
		} else {
			sameJSON(t, name+" object lock", ol.ObjectLockConfiguration, b.ObjectLock)
		}

		lc, err := c.GetBucketLifecycleConfiguration(ctx, &s3.GetBucketLifecycleConfigurationInput{Bucket: in()})
		if b.Lifecycle == nil {
			wantCode(t, name+" lifecycle", err, "NoSuchLifecycleConfiguration")
		} else if err != nil {
			t.Errorf("%s: %v", name, err)
		} else {
			sameJSON(t, name+" lifecycle", lc.Rules, b.Lifecycle)
		}

		oc, err := c.GetBucketOwnershipControls(ctx, &s3.GetBucketOwnershipControlsInput{Bucket: in()})
		if b.OwnershipControls == nil {
			wantCode(t, name+" ownership controls", err, "OwnershipControlsNotFoundError")
		} else if err != nil {
			t.Errorf("%s: %v", name, err)
		} else {
			sameJSON(t, name+" ownership controls", oc.OwnershipControls, b.OwnershipControls)
		}

		tg, err := c.GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: in()})
		if b.Tags == nil {
			wantCode(t, name+" tags", err, "NoSuchTagSet")
		} else if err != nil {
			t.Errorf("%s: %v", name, err)
		} else {
			got := map[string]string{}
			for _, x := range tg.TagSet {
				got[aws.ToString(x.Key)] = aws.ToString(x.Value)
			}
			sameJSON(t, name+" tags", got, b.Tags)
		}

		acl, err := c.GetBucketAcl(ctx, &s3.GetBucketAclInput{Bucket: in()})
		if err != nil {
			t.Fatal(err)
		}
		owner := aws.String(canonicalUser(fragmentAccount))
		wantGrants := []s3types.Grant{{Grantee: &s3types.Grantee{Type: s3types.TypeCanonicalUser, ID: owner}, Permission: s3types.PermissionFullControl}}
		if b.Grants != nil {
			wantGrants = nil
			for _, g := range b.Grants {
				ge := *g.Grantee
				if ge.Type == s3types.TypeCanonicalUser && ge.ID == nil {
					ge.ID = owner
				}
				wantGrants = append(wantGrants, s3types.Grant{Grantee: &ge, Permission: g.Permission})
			}
		}
		sameJSON(t, name+" acl", acl.Grants, wantGrants)
		if aws.ToString(acl.Owner.ID) != *owner {
			t.Errorf("%s: acl owner %v", name, acl.Owner)
		}
	}
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if apiCode(err) != code {
		t.Errorf("%s: want %s, got %v", what, code, err)
	}
}

// A missing bucket is NoSuchBucket, another account's is denied, and a
// bucket asked in the wrong region says which region it is in.
func TestS3Errors(t *testing.T) {
	w := fragmentWorld(t, "s3")
	w.Account("222222222222").Set("us-east-1", "s3", &s3World{Buckets: []s3Bucket{{Name: "member-private-data"}}})
	c := s3Client(t, w, "us-east-1")
	ctx := context.Background()
	_, err := c.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: aws.String("no-such-bucket-anywhere")})
	wantCode(t, "missing bucket", err, "NoSuchBucket")
	_, err = c.GetBucketAcl(ctx, &s3.GetBucketAclInput{Bucket: aws.String("member-private-data")})
	wantCode(t, "another account's bucket", err, "AccessDenied")
	_, err = c.GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: aws.String("acme-finance-records-eu")})
	wantCode(t, "wrong region", err, "AuthorizationHeaderMalformed")
	_, err = c.ListBuckets(ctx, &s3.ListBucketsInput{ContinuationToken: aws.String("bogus")})
	wantCode(t, "bad token", err, "InvalidArgument")
}

// A bare ListBuckets returns every bucket; paged, it pages by max-buckets
// and filters by prefix and region.
func TestS3ListBucketsPages(t *testing.T) {
	w := fragmentWorld(t, "s3")
	for _, r := range []string{"us-east-1", "eu-west-1"} {
		var bs []s3Bucket
		for i := range 130 {
			bs = append(bs, s3Bucket{Name: fmt.Sprintf("acme-%s-data-%03d", r, i), CreationDate: time.Date(2023, 1, 1, 0, 0, i, 0, time.UTC)})
		}
		w.Account(fragmentAccount).Set(r, "s3", &s3World{Buckets: bs})
	}
	c := s3Client(t, w, "us-east-1")
	ctx := context.Background()
	all, err := c.ListBuckets(ctx, &s3.ListBucketsInput{})
	if err != nil || len(all.Buckets) != 260 || all.ContinuationToken != nil {
		t.Fatalf("bare ListBuckets: %v, %d buckets", err, len(all.Buckets))
	}
	for _, tc := range []struct {
		in    s3.ListBucketsInput
		pages int
		n     int
	}{
		{s3.ListBucketsInput{MaxBuckets: aws.Int32(50)}, 6, 260},
		{s3.ListBucketsInput{MaxBuckets: aws.Int32(50), BucketRegion: aws.String("eu-west-1")}, 3, 130},
		{s3.ListBucketsInput{Prefix: aws.String("acme-us-east-1-data-1")}, 1, 30},
	} {
		p := s3.NewListBucketsPaginator(c, &tc.in)
		pages, seen := 0, map[string]bool{}
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, b := range out.Buckets {
				seen[aws.ToString(b.Name)] = true
			}
		}
		if pages != tc.pages || len(seen) != tc.n {
			t.Errorf("%+v: %d pages, %d buckets; want %d, %d", tc.in, pages, len(seen), tc.pages, tc.n)
		}
	}
}

// The collector reads every bucket in its own region: the public bucket
// comes back public and unprotected, the finance bucket with all its
// protections.
func TestS3Collect(t *testing.T) {
	w := fragmentWorld(t, "s3", "s3control")
	res := collectClean(t, w, "s3")
	kinds := byKind(res.Resources)
	if len(kinds["aws.s3.bucket"]) != 3 {
		t.Fatalf("buckets: %v", kinds["aws.s3.bucket"])
	}

	pii := kinds["aws.s3.bucket"]["acme-customer-pii-exports"]
	pa := pii.Attributes.(*model.S3Bucket)
	if pii.Region != "us-east-1" || pii.ID != "arn:aws:s3:::acme-customer-pii-exports" || pii.Tags["data-classification"] != "confidential" {
		t.Errorf("pii bucket: %+v", pii)
	}
	public := false
	for _, g := range pa.Grants {
		public = public || (g.GranteeType == "Group" && g.GranteeURI == "http://acs.amazonaws.com/groups/global/AllUsers" && g.Permission == "READ")
	}
	if !public || pa.CannedACL != "" || pa.Policy == nil || pa.PublicAccessBlock != nil || pa.Encryption.Enabled ||
		pa.Versioning.Enabled || pa.Logging.Enabled || pa.ObjectLockEnabled || pa.LifecycleRules != 0 || pa.ObjectOwnership != "ObjectWriter" ||
		pa.ReplicationRules != 0 || pa.EventNotifications != 0 {
		t.Errorf("pii bucket attributes: %+v", pa)
	}

	fin := kinds["aws.s3.bucket"]["acme-finance-records-eu"]
	fa := fin.Attributes.(*model.S3Bucket)
	if fin.Region != "eu-west-1" || fin.Tags["team"] != "finance" {
		t.Errorf("finance bucket: %+v", fin)
	}
	if fa.CannedACL != "private" || fa.Policy == nil || fa.PublicAccessBlock == nil || !fa.PublicAccessBlock.RestrictPublicBuckets ||
		fa.Encryption != (model.S3Encryption{Enabled: true, Algorithm: "aws:kms", KMSKeyID: "arn:aws:kms:eu-west-1:111111111111:key/5c1f2a7e-8d3b-4e6f-9a10-2b3c4d5e6f70", BucketKeyEnabled: true}) ||
		fa.Versioning != (model.S3Versioning{Enabled: true, MFADelete: true}) ||
		fa.Logging != (model.S3Logging{Enabled: true, TargetBucket: "acme-access-logs-111111111111"}) ||
		!fa.ObjectLockEnabled || fa.LifecycleRules != 1 || fa.ObjectOwnership != "BucketOwnerEnforced" ||
		fa.ReplicationRules != 1 || fa.EventNotifications != 2 {
		t.Errorf("finance bucket attributes: %+v", fa)
	}

	logs := kinds["aws.s3.bucket"]["acme-access-logs-111111111111"]
	la := logs.Attributes.(*model.S3Bucket)
	if logs.Tags != nil || la.Policy != nil || la.Encryption.Algorithm != "AES256" || la.Versioning.Enabled || la.LifecycleRules != 1 {
		t.Errorf("logs bucket: tags %v attributes %+v", logs.Tags, la)
	}
}
