package aws

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/smithy-go"

	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

// awsJSONErrCode is an SDK error's AWS error code ("" for none).
func awsJSONErrCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

// Every KMS operation the collector calls decodes through the SDK into
// exactly the world's keys, aliases, policies, rotation and tags.
func TestKMSRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "kms")
	cfg, _ := testCloud(t, w)
	client := kms.NewFromConfig(cfg)
	ctx := context.Background()
	keys := w.Account(fragmentAccount).worldOf("kms", "us-east-1").(*kmsWorld).Keys

	list, err := client.ListKeys(ctx, &kms.ListKeysInput{})
	if err != nil {
		t.Fatal(err)
	}
	var wantKeys []kmstypes.KeyListEntry
	var wantAliases []kmstypes.AliasListEntry
	for _, k := range keys {
		m := k.metadata(fragmentAccount, "us-east-1")
		wantKeys = append(wantKeys, kmstypes.KeyListEntry{KeyId: m.KeyId, KeyArn: m.Arn})
		for _, a := range k.Aliases {
			wantAliases = append(wantAliases, kmstypes.AliasListEntry{AliasName: aws.String(a),
				AliasArn: aws.String("arn:aws:kms:us-east-1:111111111111:" + a), TargetKeyId: k.KeyId, CreationDate: k.CreationDate})
		}
	}
	sameJSON(t, "ListKeys", list.Keys, wantKeys)
	if list.Truncated || list.NextMarker != nil {
		t.Errorf("one page of %d keys is truncated", len(keys))
	}
	aliases, err := client.ListAliases(ctx, &kms.ListAliasesInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "ListAliases", aliases.Aliases, wantAliases)
	one, err := client.ListAliases(ctx, &kms.ListAliasesInput{KeyId: keys[1].KeyId})
	if err != nil || len(one.Aliases) != 2 {
		t.Errorf("ListAliases of one key: %v %v", one, err)
	}

	for _, k := range keys {
		want := k.metadata(fragmentAccount, "us-east-1")
		d, err := client.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: k.KeyId})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "DescribeKey "+aws.ToString(k.KeyId), d.KeyMetadata, want)
		pol, err := client.GetKeyPolicy(ctx, &kms.GetKeyPolicyInput{KeyId: want.Arn, PolicyName: aws.String("default")})
		if err != nil {
			t.Fatal(err)
		}
		if aws.ToString(pol.Policy) != k.policy(fragmentAccount) || aws.ToString(pol.PolicyName) != "default" {
			t.Errorf("GetKeyPolicy %s: %s", aws.ToString(k.KeyId), aws.ToString(pol.Policy))
		}
		tags, err := client.ListResourceTags(ctx, &kms.ListResourceTagsInput{KeyId: k.KeyId})
		if err != nil {
			t.Fatal(err)
		}
		wantTags := k.Tags
		if wantTags == nil {
			wantTags = []kmstypes.Tag{}
		}
		sameJSON(t, "ListResourceTags "+aws.ToString(k.KeyId), tags.Tags, wantTags)
	}
	// By alias name and alias ARN too.
	for _, id := range []string{"alias/cloudtrail", "arn:aws:kms:us-east-1:111111111111:alias/platform-data"} {
		d, err := client.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: aws.String(id)})
		if err != nil || aws.ToString(d.KeyMetadata.KeyId) != "0a1b2c3d-0000-4000-8000-000000000001" {
			t.Errorf("DescribeKey %s: %v", id, err)
		}
	}

	for _, tc := range []struct {
		key     string
		enabled bool
		period  int32
		code    string
	}{
		{"9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b", false, 0, ""},
		{"0a1b2c3d-0000-4000-8000-000000000001", true, 365, ""},
		{"3d5f7a9c-1e2b-4c4d-8e6f-7a8b9c0d1e2f", true, 365, ""}, // AWS managed
		{"6b8d0f2a-4c6e-4a1b-9d3f-5e7a9c1b3d5f", false, 0, "UnsupportedOperationException"},
		{"4f6a8c0e-2b4d-4f6a-8c0e-2b4d6f8a0c2e", false, 0, "KMSInvalidStateException"},
	} {
		r, err := client.GetKeyRotationStatus(ctx, &kms.GetKeyRotationStatusInput{KeyId: aws.String(tc.key)})
		if code := awsJSONErrCode(err); code != tc.code {
			t.Errorf("GetKeyRotationStatus %s: want error %q, got %v", tc.key, tc.code, err)
			continue
		}
		if err == nil && (r.KeyRotationEnabled != tc.enabled || aws.ToInt32(r.RotationPeriodInDays) != tc.period) {
			t.Errorf("GetKeyRotationStatus %s: %v every %d days", tc.key, r.KeyRotationEnabled, aws.ToInt32(r.RotationPeriodInDays))
		}
	}
	eu := kms.NewFromConfig(cfg, func(o *kms.Options) { o.Region = "eu-west-1" })
	r, err := eu.GetKeyRotationStatus(ctx, &kms.GetKeyRotationStatusInput{KeyId: aws.String("7c9e2a4b-3d1f-4a6e-8b5c-2d4f6a8c0e1b")})
	if err != nil || !r.KeyRotationEnabled || aws.ToInt32(r.RotationPeriodInDays) != 90 {
		t.Errorf("eu-west-1 key rotation: %+v %v", r, err)
	}
}

// A key that does not exist, an alias only DescribeKey accepts, a policy
// name other than "default", a bad marker and too big a limit are refused
// with KMS's codes.
func TestKMSErrors(t *testing.T) {
	w := fragmentWorld(t, "kms")
	cfg, _ := testCloud(t, w)
	client := kms.NewFromConfig(cfg)
	ctx := context.Background()
	missing := aws.String("00000000-1111-4222-8333-444444444444")
	_, err := client.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: missing})
	var nf *kmstypes.NotFoundException
	if !errors.As(err, &nf) {
		t.Errorf("DescribeKey of a missing key: %v", err)
	}
	for name, call := range map[string]func() error{
		"DescribeKey alias": func() error {
			_, err := client.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: aws.String("alias/nope")})
			return err
		},
		"GetKeyPolicy": func() error { _, err := client.GetKeyPolicy(ctx, &kms.GetKeyPolicyInput{KeyId: missing}); return err },
		"GetKeyPolicy by alias": func() error {
			_, err := client.GetKeyPolicy(ctx, &kms.GetKeyPolicyInput{KeyId: aws.String("alias/cloudtrail")})
			return err
		},
		"GetKeyPolicy name": func() error {
			_, err := client.GetKeyPolicy(ctx, &kms.GetKeyPolicyInput{KeyId: aws.String("0a1b2c3d-0000-4000-8000-000000000001"), PolicyName: aws.String("other")})
			return err
		},
		"GetKeyRotationStatus": func() error {
			_, err := client.GetKeyRotationStatus(ctx, &kms.GetKeyRotationStatusInput{KeyId: missing})
			return err
		},
		"ListResourceTags": func() error {
			_, err := client.ListResourceTags(ctx, &kms.ListResourceTagsInput{KeyId: missing})
			return err
		},
		"ListAliases": func() error { _, err := client.ListAliases(ctx, &kms.ListAliasesInput{KeyId: missing}); return err },
	} {
		if code := awsJSONErrCode(call()); code != "NotFoundException" {
			t.Errorf("%s: want NotFoundException, got %q", name, code)
		}
	}
	_, err = client.ListKeys(ctx, &kms.ListKeysInput{Marker: aws.String("bogus")})
	if code := awsJSONErrCode(err); code != "InvalidMarkerException" {
		t.Errorf("bad marker: %v", err)
	}
	_, err = client.ListAliases(ctx, &kms.ListAliasesInput{Limit: aws.Int32(101)})
	if code := awsJSONErrCode(err); code != "ValidationException" {
		t.Errorf("limit 101: %v", err)
	}
}

// Keys page by 100 (or Limit, up to 1000), aliases by 50 (up to 100),
// tags by 50.
func TestKMSPages(t *testing.T) {
	w := fragmentWorld(t, "kms")
	var keys []kmsKey
	for i := range 250 {
		k := kmsKey{KeyMetadata: kmstypes.KeyMetadata{KeyId: aws.String(fmt.Sprintf("00000000-0000-4000-8000-%012d", i)), Enabled: true,
			KeyManager: kmstypes.KeyManagerTypeCustomer, KeySpec: kmstypes.KeySpecSymmetricDefault}, Aliases: []string{fmt.Sprintf("alias/k%03d", i)}}
		if i == 0 {
			for j := range 120 {
				k.Tags = append(k.Tags, kmstypes.Tag{TagKey: aws.String(fmt.Sprintf("t%03d", j)), TagValue: aws.String("v")})
			}
		}
		keys = append(keys, k)
	}
	w.Account(fragmentAccount).Set("eu-west-1", "kms", &kmsWorld{Keys: keys})
	cfg, _ := testCloud(t, w)
	client := kms.NewFromConfig(cfg, func(o *kms.Options) { o.Region = "eu-west-1" })
	ctx := context.Background()

	for _, tc := range []struct {
		limit int32
		pages int
	}{{0, 3}, {1000, 1}, {60, 5}} {
		p := kms.NewListKeysPaginator(client, &kms.ListKeysInput{}, func(o *kms.ListKeysPaginatorOptions) { o.Limit = tc.limit })
		n, pages := 0, 0
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if pages == 0 && aws.ToString(out.Keys[0].KeyId) != aws.ToString(keys[0].KeyId) {
				t.Errorf("first key %s", aws.ToString(out.Keys[0].KeyId))
			}
			n, pages = n+len(out.Keys), pages+1
		}
		if n != 250 || pages != tc.pages {
			t.Errorf("ListKeys limit %d: %d keys in %d pages, want 250 in %d", tc.limit, n, pages, tc.pages)
		}
	}
	ap := kms.NewListAliasesPaginator(client, &kms.ListAliasesInput{})
	n, pages := 0, 0
	for ap.HasMorePages() {
		out, err := ap.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		n, pages = n+len(out.Aliases), pages+1
	}
	if n != 250 || pages != 5 {
		t.Errorf("ListAliases: %d aliases in %d pages, want 250 in 5", n, pages)
	}
	tp := kms.NewListResourceTagsPaginator(client, &kms.ListResourceTagsInput{KeyId: keys[0].KeyId})
	var tags []kmstypes.Tag
	pages = 0
	for tp.HasMorePages() {
		out, err := tp.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tags, pages = append(tags, out.Tags...), pages+1
	}
	if pages != 3 {
		t.Errorf("ListResourceTags: %d pages, want 3", pages)
	}
	sameJSON(t, "ListResourceTags pages", tags, keys[0].Tags)
}

// The collector reads the world's keys: the shared key neither rotates nor
// keeps its policy to the account, the platform key rotates and goes by
// its first alias, the AWS managed key rotates on its own.
func TestKMSCollector(t *testing.T) {
	w := fragmentWorld(t, "kms")
	res := collectClean(t, w, "kms")
	keys := byKind(res.Resources)["aws.kms.key"]
	if len(keys) != 6 {
		t.Fatalf("want 6 keys, got %d", len(keys))
	}
	shared := keys["alias/orders-shared"]
	if shared == nil || shared.ID != "arn:aws:kms:us-east-1:111111111111:key/9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b" || shared.Tags["team"] != "orders" {
		t.Fatalf("shared key: %+v", shared)
	}
	a := shared.Attributes.(*model.KMSKey)
	if a.RotationEnabled || a.KeyManager != "CUSTOMER" || !a.Enabled || a.Policy == nil || len(a.Policy.Statements) != 2 ||
		a.Policy.Statements[1].Principals["AWS"][0] != "*" {
		t.Errorf("shared key attributes: %+v", a)
	}
	platform := keys["alias/cloudtrail"]
	if platform == nil {
		t.Fatal("the platform key goes by its first alias, alias/cloudtrail")
	}
	if p := platform.Attributes.(*model.KMSKey); !p.RotationEnabled || p.Policy == nil ||
		p.Policy.Statements[0].Principals["AWS"][0] != "arn:aws:iam::111111111111:root" {
		t.Errorf("platform key attributes: %+v", p)
	}
	if m := keys["alias/aws/s3"].Attributes.(*model.KMSKey); !m.RotationEnabled || m.KeyManager != "AWS" {
		t.Errorf("AWS managed key: %+v", m)
	}
	if d := keys["4f6a8c0e-2b4d-4f6a-8c0e-2b4d6f8a0c2e"].Attributes.(*model.KMSKey); d.DeletionWindowDays != 7 || d.Enabled || d.KeyState != "PendingDeletion" {
		t.Errorf("key pending deletion: %+v", d)
	}
	eu := keys["7c9e2a4b-3d1f-4a6e-8b5c-2d4f6a8c0e1b"]
	if eu == nil || eu.Region != "eu-west-1" || !eu.Attributes.(*model.KMSKey).RotationEnabled || eu.Attributes.(*model.KMSKey).KeyState != "Enabled" {
		t.Fatalf("eu-west-1 key: %+v", eu)
	}
	engine, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := verdicts(t, engine, res.Resources)
	for _, c := range []struct {
		rule string
		key  *model.Resource
		want model.Status
	}{
		{"AWS-KMS-020", keys["4f6a8c0e-2b4d-4f6a-8c0e-2b4d6f8a0c2e"], model.StatusFail},
		{"AWS-KMS-020", platform, model.StatusPass},
		{"AWS-KMS-021", eu, model.StatusFail},
		{"AWS-KMS-021", platform, model.StatusPass},
		{"AWS-KMS-021", shared, model.StatusPass}, // "*" is AWS-KMS-002's
	} {
		if v := got[c.rule+" "+c.key.ID]; v != c.want {
			t.Errorf("%s on %s: %v, want %v", c.rule, c.key.Name, v, c.want)
		}
	}
}
