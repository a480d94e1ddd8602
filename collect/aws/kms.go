package aws

import (
	"context"
	"fmt"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("kms", false, collectKMS) }

// collectKMS reads every key of the region (customer and AWS managed) with
// its rotation status, key policy and tags into aws.kms.key.
func collectKMS(ctx context.Context, s *scope) {
	client := kms.NewFromConfig(s.Config())
	aliases := kmsAliases(ctx, s, client)
	p := kms.NewListKeysPaginator(client, &kms.ListKeysInput{})
	var keys []kmstypes.KeyListEntry
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListKeys", err)
			return
		}
		keys = append(keys, page.Keys...)
	}
	forEach(s, keys, func(k kmstypes.KeyListEntry) {
		collectKMSKey(ctx, s, client, aws.ToString(k.KeyId), aliases)
	})
}

// kmsAliases maps key ids to their alias names, the names people know
// keys by.
func kmsAliases(ctx context.Context, s *scope, client *kms.Client) map[string][]string {
	out := map[string][]string{}
	p := kms.NewListAliasesPaginator(client, &kms.ListAliasesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListAliases", err)
			return out
		}
		for _, a := range page.Aliases {
			if id := aws.ToString(a.TargetKeyId); id != "" {
				out[id] = append(out[id], aws.ToString(a.AliasName))
			}
		}
	}
	for _, l := range out {
		sort.Strings(l)
	}
	return out
}

func collectKMSKey(ctx context.Context, s *scope, client *kms.Client, id string, aliases map[string][]string) {
	d, err := client.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: aws.String(id)})
	if err != nil {
		s.failResource("DescribeKey", fmt.Sprintf("arn:%s:kms:%s:%s:key/%s", svcPartition(s.region), s.region, s.account, id), err)
		return
	}
	m := d.KeyMetadata
	k := &model.KMSKey{
		Description: aws.ToString(m.Description),
		KeySpec:     string(m.KeySpec),
		KeyUsage:    string(m.KeyUsage),
		KeyManager:  string(m.KeyManager),
		Enabled:     m.Enabled,
		KeyState:    string(m.KeyState),
		// The window a deletion would wait: the pending one, else the
		// default of ScheduleKeyDeletion (as Terraform's default).
		DeletionWindowDays: 30,
	}
	if k.KeyUsage == "" && m.KeySpec == kmstypes.KeySpecSymmetricDefault {
		k.KeyUsage = string(kmstypes.KeyUsageTypeEncryptDecrypt) // the default; some emulators omit it
	}
	if m.PendingDeletionWindowInDays != nil {
		k.DeletionWindowDays = int(*m.PendingDeletionWindowInDays)
	}
	raw := map[string]any{"KeyMetadata": m}
	rd := s.reads(aws.ToString(m.Arn))

	// Only customer managed symmetric keys with AWS key material can
	// rotate automatically (AWS managed keys rotate on their own); pending
	// deletion the call is refused.
	if m.KeyManager == kmstypes.KeyManagerTypeCustomer && m.KeySpec == kmstypes.KeySpecSymmetricDefault &&
		m.Origin == kmstypes.OriginTypeAwsKms && m.KeyState != kmstypes.KeyStatePendingDeletion &&
		m.KeyState != kmstypes.KeyStatePendingReplicaDeletion {
		rd.call("GetKeyRotationStatus", []string{"rotation_enabled"}, func() error {
			r, err := client.GetKeyRotationStatus(ctx, &kms.GetKeyRotationStatusInput{KeyId: aws.String(id)})
			if err != nil {
				return err
			}
			k.RotationEnabled = r.KeyRotationEnabled
			raw["RotationPeriodInDays"] = r.RotationPeriodInDays
			return nil
		})
	} else if m.KeyManager == kmstypes.KeyManagerTypeAws {
		k.RotationEnabled = true
	}
	rd.call("GetKeyPolicy", []string{"policy"}, func() error {
		pol, err := client.GetKeyPolicy(ctx, &kms.GetKeyPolicyInput{KeyId: aws.String(id), PolicyName: aws.String("default")})
		if err != nil {
			return err
		}
		return keepPolicy(raw, "Policy", pol.Policy, &k.Policy)
	})
	var tags map[string]string
	rd.call("ListResourceTags", []string{model.TagsPath}, func() error {
		tp := kms.NewListResourceTagsPaginator(client, &kms.ListResourceTagsInput{KeyId: aws.String(id)})
		for tp.HasMorePages() {
			page, err := tp.NextPage(ctx)
			if err != nil {
				tags = nil
				return err
			}
			tags = addTags(tags, page.Tags, func(t kmstypes.Tag) (*string, *string) { return t.TagKey, t.TagValue })
		}
		return nil
	})
	name := id
	if l := aliases[id]; len(l) > 0 {
		name = l[0]
		raw["Aliases"] = l
	}
	rd.add(model.KindKMSKey.With(k), name, raw, tags)
}
