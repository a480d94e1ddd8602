package cloudformation

import "github.com/vigil-sec/vigil/model"

// S3 Glacier: AWS::Glacier::Vault becomes aws.glacier.vault.
func init() {
	parent("AWS::Glacier::Vault", model.KindGlacierVault, func(b *builder) {
		a := model.KindGlacierVault.Must(b.target)
		if n := b.str("VaultName", "", ""); n != "" {
			b.r.Name = n
		}
		a.Policy = b.policy("AccessPolicy", "policy")
	})
}
