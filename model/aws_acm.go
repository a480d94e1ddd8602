package model

// Kinds of this service.
var (
	KindACMCertificate = NewKind[ACMCertificate]("aws.acm.certificate", "ACM certificate")
)

// ACMCertificate is kind aws.acm.certificate.
type ACMCertificate struct {
	Domain       string `json:"domain"`
	Status       string `json:"status" doc:"ISSUED, PENDING_VALIDATION, EXPIRED, REVOKED ..."`
	NotAfter     string `json:"not_after" doc:"expiry, RFC 3339; empty when not issued"`
	KeyAlgorithm string `json:"key_algorithm" doc:"RSA_2048, EC_prime256v1 ..."`
	InUse        bool   `json:"in_use" doc:"associated with at least one AWS resource"`
}
