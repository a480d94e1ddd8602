package cloudformation

import "github.com/vigil-sec/vigil/model"

func init() {
	// ACM issues the certificate: its end date, status and use are not in
	// the template. Requested certificates are RSA 2048 unless another
	// algorithm is chosen.
	parent("AWS::CertificateManager::Certificate", model.KindACMCertificate, func(b *builder) {
		a := model.KindACMCertificate.Must(b.target)
		a.Domain = b.str("DomainName", "domain", "")
		a.KeyAlgorithm = b.str("KeyAlgorithm", "key_algorithm", "RSA_2048")
		b.target.MarkUnknown("status")
		b.target.MarkUnknown("not_after")
		b.target.MarkUnknown("in_use")
	})
}
