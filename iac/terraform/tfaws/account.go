package tfaws

import (
	"cmp"

	"github.com/vigil-sec/vigil/model"
)

// Account-wide settings declared as separate Terraform resources
// (aws_iam_account_password_policy, aws_s3_account_public_access_block)
// become ONE aws.account resource per configuration, as a live scan
// produces one per account.
func init() {
	registerParent("aws_iam_account_password_policy", model.KindAWSAccount, func(b *Builder) {
		a := model.KindAWSAccount.Must(b.R)
		const p = "password_policy."
		a.PasswordPolicy = &model.AWSPasswordPolicy{
			MinimumLength:           b.Int("minimum_password_length", p+"minimum_length", 6),
			RequireUppercase:        b.Bool("require_uppercase_characters", p+"require_uppercase", false),
			RequireLowercase:        b.Bool("require_lowercase_characters", p+"require_lowercase", false),
			RequireNumbers:          b.Bool("require_numbers", p+"require_numbers", false),
			RequireSymbols:          b.Bool("require_symbols", p+"require_symbols", false),
			AllowUsersToChange:      b.Bool("allow_users_to_change_password", p+"allow_users_to_change", true),
			MaxPasswordAge:          b.Int("max_password_age", p+"max_password_age", 0),
			PasswordReusePrevention: b.Int("password_reuse_prevention", p+"password_reuse_prevention", 0),
			HardExpiry:              b.Bool("hard_expiry", p+"hard_expiry", false),
		}
		locateBlock(b, "password_policy")
		b.R.Name = "account"
	})
	registerParent("aws_s3_account_public_access_block", model.KindAWSAccount, func(b *Builder) {
		a := model.KindAWSAccount.Must(b.R)
		const p = "s3_public_access_block."
		a.S3PublicAccessBlock = &model.S3PublicAccessBlock{
			BlockPublicACLs:       b.Bool("block_public_acls", p+"block_public_acls", false),
			IgnorePublicACLs:      b.Bool("ignore_public_acls", p+"ignore_public_acls", false),
			BlockPublicPolicy:     b.Bool("block_public_policy", p+"block_public_policy", false),
			RestrictPublicBuckets: b.Bool("restrict_public_buckets", p+"restrict_public_buckets", false),
		}
		locateBlock(b, "s3_public_access_block")
		b.R.Name = "account"
		if id, ok := b.In.Values["account_id"].(string); ok {
			b.R.Account = id
		}
	})
	// A declared alternate contact is registered; one of a type not known
	// before apply declares nothing, and no resource says a type is missing.
	registerParent("aws_account_alternate_contact", model.KindAWSAccount, func(b *Builder) {
		a := model.KindAWSAccount.Must(b.R)
		t, _ := b.Lookup("alternate_contact_type")
		switch t {
		case "SECURITY":
			a.SecurityContact = new(true)
		case "BILLING":
			a.BillingContact = new(true)
		case "OPERATIONS":
			a.OperationsContact = new(true)
		}
		b.R.Name = "account"
		if id, ok := b.In.Values["account_id"].(string); ok {
			b.R.Account = id
		}
	})
	finishers = append(finishers, finishAccount)
}

// finishAccount folds every aws.account resource into the first one.
func finishAccount(all []*Builder) {
	var first *Builder
	for _, b := range all {
		if b.drop || !model.KindAWSAccount.Is(b.R) {
			continue
		}
		if first == nil {
			first = b
			continue
		}
		dst := model.KindAWSAccount.Must(first.R)
		src := model.KindAWSAccount.Must(b.R)
		if src.PasswordPolicy != nil {
			dst.PasswordPolicy = src.PasswordPolicy
		}
		if src.S3PublicAccessBlock != nil {
			dst.S3PublicAccessBlock = src.S3PublicAccessBlock
		}
		dst.SecurityContact = cmp.Or(src.SecurityContact, dst.SecurityContact)
		dst.BillingContact = cmp.Or(src.BillingContact, dst.BillingContact)
		dst.OperationsContact = cmp.Or(src.OperationsContact, dst.OperationsContact)
		if first.R.Account == "" {
			first.R.Account = b.R.Account
		}
		for p, l := range b.R.AttributeLocations {
			first.R.SetAttributeLocation(p, l)
		}
		for _, u := range b.R.Unknown {
			first.R.MarkUnknown(u)
		}
		first.R.Ignores = append(first.R.Ignores, b.R.Ignores...)
		b.drop = true
	}
}
