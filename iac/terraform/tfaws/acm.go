package tfaws

import "github.com/vigil-sec/vigil/model"

// ACM certificates. What ACM decides when it issues or imports one (its
// status, end date, and whether anything uses it) is unknown to a
// configuration.
func init() {
	registerParent("aws_acm_certificate", model.KindACMCertificate, func(b *Builder) {
		a := model.KindACMCertificate.Must(b.R)
		a.Domain = b.String("domain_name", "domain", "")
		if b.Has("private_key") || b.Has("certificate_body") {
			// Imported: the key's size is in its key material.
			b.R.MarkUnknown("key_algorithm")
		} else {
			a.KeyAlgorithm = b.String("key_algorithm", "key_algorithm", "RSA_2048")
		}
		b.R.MarkUnknown("status")
		b.R.MarkUnknown("not_after")
		b.R.MarkUnknown("in_use")
	})
}
