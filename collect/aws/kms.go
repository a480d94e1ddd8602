package aws

import (
	"context"
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
		s.fail("DescribeKey", err)
		return
	}
	m := d.KeyMetadata
	k := &model.KMSKey{
		Description: aws.ToString(m.Description),
		KeySpec:     string(m.KeySpec),
		KeyUsage:    string(m.KeyUsage),
		KeyManager:  string(m.KeyManager),
		Enabled:     m.Enabled,
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
	var unknown []string

	// Only customer managed symmetric keys with AWS key material can
	// rotate automatically (AWS managed keys rotate on their own); pending
	// deletion the call is refused.
	if m.KeyManager == kmstypes.KeyManagerTypeCustomer && m.KeySpec == kmstypes.KeySpecSymmetricDefault &&
		m.Origin == kmstypes.OriginTypeAwsKms && m.KeyState != kmstypes.KeyStatePendingDeletion &&
		m.KeyState != kmstypes.KeyStatePendingReplicaDeletion {
		if r, err := client.GetKeyRotationStatus(ctx, &kms.GetKeyRotationStatusInput{KeyId: aws.String(id)}); err != nil {
			s.fail("GetKeyRotationStatus", err)
			unknown = append(unknown, "rotation_enabled") // unread, not off
		} else {
			k.RotationEnabled = r.KeyRotationEnabled
			raw["RotationPeriodInDays"] = r.RotationPeriodInDays
		}
	} else if m.KeyManager == kmstypes.KeyManagerTypeAws {
		k.RotationEnabled = true
	}
	if pol, err := client.GetKeyPolicy(ctx, &kms.GetKeyPolicyInput{KeyId: aws.String(id), PolicyName: aws.String("default")}); err != nil {
		s.fail("GetKeyPolicy", err)
		unknown = append(unknown, "policy")
	} else if text := aws.ToString(pol.Policy); text != "" {
		raw["Policy"] = text
		if doc, err := model.ParsePolicyDocument(text); err == nil {
			k.Policy = doc
		} else {
			s.fail("GetKeyPolicy", err)
			unknown = append(unknown, "policy")
		}
	}
	var tags map[string]string
	tp := kms.NewListResourceTagsPaginator(client, &kms.ListResourceTagsInput{KeyId: aws.String(id)})
	for tp.HasMorePages() {
		page, err := tp.NextPage(ctx)
		if err != nil {
			s.fail("ListResourceTags", err)
			break
		}
		for _, t := range page.Tags {
			if tags == nil {
				tags = map[string]string{}
			}
			tags[aws.ToString(t.TagKey)] = aws.ToString(t.TagValue)
		}
	}
	name := id
	if l := aliases[id]; len(l) > 0 {
		name = l[0]
		raw["Aliases"] = l
	}
	markUnknown(s.add(aws.ToString(m.Arn), "aws.kms.key", name, k, raw, tags), unknown)
}
