package tfaws

import "github.com/vigil-sec/vigil/model"

// S3 Glacier: aws_glacier_vault becomes aws.glacier.vault.
func init() {
	registerParent("aws_glacier_vault", model.KindGlacierVault, func(b *Builder) {
		a := model.KindGlacierVault.Must(b.R)
		b.NameFrom("name")
		a.Policy = b.Policy("access_policy", "policy")
	})
}
