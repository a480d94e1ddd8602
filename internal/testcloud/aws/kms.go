package aws

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
)

// kmsWorld is KMS in one region.
type kmsWorld struct {
	Keys []kmsKey `json:"keys"`
}

// kmsKey is a key: DescribeKey's metadata (Arn and AWSAccountId are filled
// in) with its aliases, key policy, rotation and tags.
type kmsKey struct {
	kmstypes.KeyMetadata
	// Aliases are alias names, "alias/app-data".
	Aliases []string `json:"aliases"`
	// Policy is the "default" key policy; empty is the policy KMS gives a
	// key created without one (the account root may do anything).
	Policy               string         `json:"policy"`
	RotationEnabled      bool           `json:"rotation_enabled"`
	RotationPeriodInDays int32          `json:"rotation_period_in_days"`
	Tags                 []kmstypes.Tag `json:"tags"`
}

// KMS page sizes: ListKeys 100 (up to 1000), ListAliases 50 (up to 100),
// ListResourceTags 50 (up to 50).
const (
	kmsKeysPage, kmsKeysMax       = 100, 1000
	kmsAliasesPage, kmsAliasesMax = 50, 100
	kmsTagsPage, kmsTagsMax       = 50, 50
)

func init() {
	register(&service{name: "kms", signing: "kms", protocol: protoJSON11,
		newWorld: func() any { return &kmsWorld{} },
		ops: map[string]op{
			"ListKeys": func(c *call) (any, error) {
				keys := worldOf[kmsWorld](c).Keys
				items, next, err := kmsPage(c, keys, kmsKeysPage, kmsKeysMax)
				if err != nil {
					return nil, err
				}
				out := &kms.ListKeysOutput{NextMarker: optional(next), Truncated: next != "", Keys: []kmstypes.KeyListEntry{}}
				for _, k := range items {
					m := k.metadata(c.account.ID, c.region)
					out.Keys = append(out.Keys, kmstypes.KeyListEntry{KeyId: m.KeyId, KeyArn: m.Arn})
				}
				return out, nil
			},
			"ListAliases": func(c *call) (any, error) {
				var only *kmsKey
				if c.param("KeyId") != "" {
					k, err := kmsKeyOf(c, false)
					if err != nil {
						return nil, err
					}
					only = k
				}
				var aliases []kmstypes.AliasListEntry
				for _, k := range worldOf[kmsWorld](c).Keys {
					if only != nil && aws.ToString(only.KeyId) != aws.ToString(k.KeyId) {
						continue
					}
					for _, a := range k.Aliases {
						aliases = append(aliases, kmstypes.AliasListEntry{AliasName: aws.String(a),
							AliasArn: aws.String(c.arn("kms", a)), TargetKeyId: k.KeyId, CreationDate: k.CreationDate})
					}
				}
				items, next, err := kmsPage(c, aliases, kmsAliasesPage, kmsAliasesMax)
				if err != nil {
					return nil, err
				}
				return &kms.ListAliasesOutput{Aliases: items, NextMarker: optional(next), Truncated: next != ""}, nil
			},
			"DescribeKey": func(c *call) (any, error) {
				k, err := kmsKeyOf(c, true)
				if err != nil {
					return nil, err
				}
				m := k.metadata(c.account.ID, c.region)
				return &kms.DescribeKeyOutput{KeyMetadata: &m}, nil
			},
			"GetKeyPolicy": func(c *call) (any, error) {
				k, err := kmsKeyOf(c, false)
				if err != nil {
					return nil, err
				}
				name := c.param("PolicyName")
				if name == "" {
					name = "default"
				}
				if name != "default" {
					return nil, badRequest("NotFoundException", "No such policy exists")
				}
				return &kms.GetKeyPolicyOutput{PolicyName: aws.String(name), Policy: aws.String(k.policy(c.account.ID))}, nil
			},
			"GetKeyRotationStatus": func(c *call) (any, error) {
				k, err := kmsKeyOf(c, false)
				if err != nil {
					return nil, err
				}
				m := k.metadata(c.account.ID, c.region)
				switch {
				case m.KeyState == kmstypes.KeyStatePendingDeletion || m.KeyState == kmstypes.KeyStatePendingReplicaDeletion:
					return nil, badRequest("KMSInvalidStateException", "%s is pending deletion.", aws.ToString(m.Arn))
				case m.KeySpec != "" && m.KeySpec != kmstypes.KeySpecSymmetricDefault || m.Origin == kmstypes.OriginTypeExternal:
					return nil, badRequest("UnsupportedOperationException", "%s key type does not support key rotation.", aws.ToString(m.Arn))
				}
				out := &kms.GetKeyRotationStatusOutput{KeyId: m.Arn, KeyRotationEnabled: k.RotationEnabled}
				// AWS managed keys rotate every year, and no one can stop them.
				if m.KeyManager == kmstypes.KeyManagerTypeAws {
					out.KeyRotationEnabled = true
				}
				if out.KeyRotationEnabled {
					out.RotationPeriodInDays = aws.Int32(365)
					if k.RotationPeriodInDays > 0 {
						out.RotationPeriodInDays = aws.Int32(k.RotationPeriodInDays)
					}
				}
				return out, nil
			},
			"ListResourceTags": func(c *call) (any, error) {
				k, err := kmsKeyOf(c, false)
				if err != nil {
					return nil, err
				}
				items, next, err := kmsPage(c, k.Tags, kmsTagsPage, kmsTagsMax)
				if err != nil {
					return nil, err
				}
				if items == nil {
					items = []kmstypes.Tag{}
				}
				return &kms.ListResourceTagsOutput{Tags: items, NextMarker: optional(next), Truncated: next != ""}, nil
			},
		}})
}

// metadata is DescribeKey's answer for the key in an account and region.
func (k *kmsKey) metadata(acct, region string) kmstypes.KeyMetadata {
	m := k.KeyMetadata
	if m.Arn == nil {
		m.Arn = aws.String("arn:aws:kms:" + region + ":" + acct + ":key/" + aws.ToString(m.KeyId))
	}
	if m.AWSAccountId == nil {
		m.AWSAccountId = aws.String(acct)
	}
	return m
}

// policy is the key's policy, or the default one KMS writes.
func (k *kmsKey) policy(acct string) string {
	if k.Policy != "" {
		return k.Policy
	}
	return `{"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow",` +
		`"Principal":{"AWS":"arn:aws:iam::` + acct + `:root"},"Action":"kms:*","Resource":"*"}]}`
}

// kmsKeyOf finds the key the KeyId parameter names: a key id or ARN, and
// for DescribeKey also an alias name or alias ARN.
func kmsKeyOf(c *call, aliases bool) (*kmsKey, error) {
	id := c.param("KeyId")
	keys := worldOf[kmsWorld](c).Keys
	for i := range keys {
		k := &keys[i]
		m := k.metadata(c.account.ID, c.region)
		if id == aws.ToString(m.KeyId) || id == aws.ToString(m.Arn) {
			return k, nil
		}
		if aliases {
			for _, a := range k.Aliases {
				if id == a || id == c.arn("kms", a) {
					return k, nil
				}
			}
		}
	}
	if i := strings.Index(id, "alias/"); i >= 0 {
		return nil, badRequest("NotFoundException", "Alias %s is not found.", c.arn("kms", id[i:]))
	}
	return nil, badRequest("NotFoundException", "Key '%s' does not exist", c.arn("kms", "key/"+id[strings.LastIndexByte(id, '/')+1:]))
}

// kmsPage pages with KMS's Limit and Marker.
func kmsPage[T any](c *call, items []T, def, max int) ([]T, string, error) {
	limit := c.intParam("Limit", def)
	if limit > max {
		return nil, "", badRequest("ValidationException", "1 validation error detected: Value '%d' at 'limit' failed to satisfy constraint: Member must have value less than or equal to %d", limit, max)
	}
	out, next, err := page(items, c.param("Marker"), limit)
	if err != nil {
		return nil, "", badRequest("InvalidMarkerException", "The marker is not valid.")
	}
	return out, next, nil
}
