package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::KMS::Key", model.KindKMSKey, func(b *builder) {
		a := model.KindKMSKey.Must(b.target)
		a.Description = b.str("Description", "description", "")
		a.KeySpec = b.str("KeySpec", "key_spec", "SYMMETRIC_DEFAULT")
		a.KeyUsage = b.str("KeyUsage", "key_usage", "ENCRYPT_DECRYPT")
		a.KeyManager = "CUSTOMER"
		a.Enabled = b.boolean("Enabled", "enabled", true)
		a.KeyState = "Enabled"
		switch {
		case b.target.IsUnknown("enabled"):
			a.KeyState = ""
			b.target.MarkUnknown("key_state")
		case !a.Enabled:
			a.KeyState = "Disabled"
		}
		a.RotationEnabled = b.boolean("EnableKeyRotation", "rotation_enabled", false)
		a.DeletionWindowDays = b.integer("PendingWindowInDays", "deletion_window_days", 30)
		if b.has("KeyPolicy") {
			a.Policy = b.policy("KeyPolicy", "policy")
		} else {
			// KMS's default key policy: the account may use IAM to grant
			// access.
			a.Policy = &model.PolicyDocument{Version: "2012-10-17", Statements: []model.PolicyStatement{{
				Sid: "Enable IAM User Permissions", Effect: "Allow",
				Principals: map[string][]string{"AWS": {"arn:aws:iam::" + b.pseudo("AWS::AccountId") + ":root"}},
				Actions:    []string{"kms:*"}, Resources: []string{"*"},
			}}}
		}
	})
}
