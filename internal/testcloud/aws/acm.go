package aws

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/acm"
	acmtypes "github.com/aws/aws-sdk-go-v2/service/acm/types"
)

// acmWorld is ACM in one region.
type acmWorld struct {
	Certificates []acmCertificate `json:"certificates"`
}

// acmCertificate is a certificate as DescribeCertificate shows it
// (CertificateArn filled in) and its tags.
type acmCertificate struct {
	acmtypes.CertificateDetail
	Tags []acmtypes.Tag `json:"tags"`
}

// acmPage is ListCertificates's page: AWS documents no default, only the
// most MaxItems may ask for, 1000.
const acmPage = 1000

func init() {
	register(&service{name: "acm", signing: "acm", protocol: protoJSON11,
		newWorld: func() any { return &acmWorld{} },
		ops: map[string]op{
			"ListCertificates": func(c *call) (any, error) {
				var in acm.ListCertificatesInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				limit := int(aws.ToInt32(in.MaxItems))
				if limit == 0 {
					limit = acmPage
				}
				if limit > acmPage {
					return nil, badRequest("ValidationException", "1 validation error detected: Value '%d' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to %d", limit, acmPage)
				}
				// Without a key type filter ACM lists RSA 2048 certificates only.
				keyTypes := []acmtypes.KeyAlgorithm{acmtypes.KeyAlgorithmRsa2048}
				if in.Includes != nil && len(in.Includes.KeyTypes) > 0 {
					keyTypes = in.Includes.KeyTypes
				}
				var list []acmtypes.CertificateSummary
				for _, cert := range acmCertificates(c) {
					d := cert.CertificateDetail
					if !slices.Contains(keyTypes, d.KeyAlgorithm) ||
						len(in.CertificateStatuses) > 0 && !slices.Contains(in.CertificateStatuses, d.Status) {
						continue
					}
					list = append(list, acmSummary(d))
				}
				items, next, err := page(list, aws.ToString(in.NextToken), limit)
				if err != nil {
					return nil, badRequest("InvalidArgsException", "The NextToken is not valid.")
				}
				if items == nil {
					items = []acmtypes.CertificateSummary{}
				}
				return &acm.ListCertificatesOutput{CertificateSummaryList: items, NextToken: optional(next)}, nil
			},
			"DescribeCertificate": func(c *call) (any, error) {
				cert, err := acmCertificateOf(c)
				if err != nil {
					return nil, err
				}
				return &acm.DescribeCertificateOutput{Certificate: &cert.CertificateDetail}, nil
			},
			"ListTagsForCertificate": func(c *call) (any, error) {
				cert, err := acmCertificateOf(c)
				if err != nil {
					return nil, err
				}
				tags := cert.Tags
				if tags == nil {
					tags = []acmtypes.Tag{}
				}
				return &acm.ListTagsForCertificateOutput{Tags: tags}, nil
			},
		}})
}

// acmCertificates are the region's certificates with their ARNs: the id
// AWS would draw at random is a hash of the domain here, stable across runs.
func acmCertificates(c *call) []acmCertificate {
	var out []acmCertificate
	for _, cert := range worldOf[acmWorld](c).Certificates {
		if cert.CertificateArn == nil {
			h := sha256.Sum256([]byte(c.account.ID + "/" + c.region + "/" + aws.ToString(cert.DomainName)))
			id := fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
			cert.CertificateArn = aws.String(c.arn("acm", "certificate/"+id))
		}
		out = append(out, cert)
	}
	return out
}

// acmSummary is the line ListCertificates gives a certificate.
func acmSummary(d acmtypes.CertificateDetail) acmtypes.CertificateSummary {
	s := acmtypes.CertificateSummary{
		CertificateArn: d.CertificateArn, DomainName: d.DomainName, Status: d.Status, Type: d.Type,
		KeyAlgorithm: d.KeyAlgorithm, InUse: aws.Bool(len(d.InUseBy) > 0), RenewalEligibility: d.RenewalEligibility,
		NotBefore: d.NotBefore, NotAfter: d.NotAfter, CreatedAt: d.CreatedAt, IssuedAt: d.IssuedAt,
		ImportedAt: d.ImportedAt, RevokedAt: d.RevokedAt, ManagedBy: d.ManagedBy,
		CertificateKeyPairOrigin:             d.CertificateKeyPairOrigin,
		SubjectAlternativeNameSummaries:      d.SubjectAlternativeNames,
		HasAdditionalSubjectAlternativeNames: aws.Bool(false),
	}
	for _, k := range d.KeyUsages {
		s.KeyUsages = append(s.KeyUsages, k.Name)
	}
	for _, k := range d.ExtendedKeyUsages {
		s.ExtendedKeyUsages = append(s.ExtendedKeyUsages, k.Name)
	}
	return s
}

// acmCertificateOf finds the certificate CertificateArn names.
func acmCertificateOf(c *call) (*acmCertificate, error) {
	arn := c.param("CertificateArn")
	if !strings.HasPrefix(arn, "arn:") || !strings.Contains(arn, ":certificate/") {
		return nil, badRequest("InvalidArnException", "String '%s' is not a valid ARN.", arn)
	}
	for _, cert := range acmCertificates(c) {
		if aws.ToString(cert.CertificateArn) == arn {
			return &cert, nil
		}
	}
	return nil, badRequest("ResourceNotFoundException", "Could not find certificate %s.", arn)
}
