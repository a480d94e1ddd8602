package model

// Kinds of this service.
var (
	KindGlacierVault = NewKind[GlacierVault]("aws.glacier.vault", "Amazon S3 Glacier vault")
)

// GlacierVault is kind aws.glacier.vault.
type GlacierVault struct {
	Policy *PolicyDocument `json:"policy" doc:"the vault access policy; null when the vault has none"`
}
