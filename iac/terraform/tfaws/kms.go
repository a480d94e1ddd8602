package tfaws

import "github.com/vigil-sec/vigil/model"

// KMS: aws_kms_key (customer managed by construction), joined with an
// aws_kms_key_policy.
func init() {
	registerParent("aws_kms_key", model.KindKMSKey, func(b *Builder) {
		a := model.KindKMSKey.Must(b.R)
		a.Description = b.String("description", "description", "")
		a.KeyManager = "CUSTOMER"
		a.KeyUsage = b.String("key_usage", "key_usage", "ENCRYPT_DECRYPT")
		a.KeySpec = b.String("customer_master_key_spec", "key_spec", "SYMMETRIC_DEFAULT")
		a.Enabled = b.Bool("is_enabled", "enabled", true)
		// A declared key is never pending deletion (destroying it
		// schedules the deletion and removes it from the configuration).
		a.KeyState = kmsKeyState(b.R, a.Enabled)
		a.RotationEnabled = b.Bool("enable_key_rotation", "rotation_enabled", false)
		a.DeletionWindowDays = b.Int("deletion_window_in_days", "deletion_window_days", 30)
		a.Policy = b.Policy("policy", "policy")
	})
	registerChild("aws_kms_key_policy", "key_id", []string{"aws_kms_key"}, func(p *Builder, c *Child) {
		model.KindKMSKey.Must(p.R).Policy = c.Policy("policy", "policy")
	})
}

// kmsKeyState is the state of a declared key: Enabled or Disabled as
// declared, unknown when whether it is enabled is.
func kmsKeyState(r *model.Resource, enabled bool) string {
	if r.IsUnknown("enabled") {
		r.MarkUnknown("key_state")
		return ""
	}
	if enabled {
		return "Enabled"
	}
	return "Disabled"
}
