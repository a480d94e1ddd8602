package aws

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/acm"
	acmtypes "github.com/aws/aws-sdk-go-v2/service/acm/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("acm", false, collectACM) }

// collectACM reads every certificate (domain, status, expiry, key
// algorithm, whether it is in use) into aws.acm.certificate.
func collectACM(ctx context.Context, s *scope) {
	client := acm.NewFromConfig(s.Config())
	// By default ListCertificates returns RSA 1024/2048 certificates only:
	// ask for every key type.
	in := &acm.ListCertificatesInput{Includes: &acmtypes.Filters{KeyTypes: acmtypes.KeyAlgorithm("").Values()}}
	p := acm.NewListCertificatesPaginator(client, in)
	var certs []acmtypes.CertificateSummary
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListCertificates", err)
			return
		}
		certs = append(certs, page.CertificateSummaryList...)
	}
	forEach(s, certs, func(sum acmtypes.CertificateSummary) {
		out, err := client.DescribeCertificate(ctx, &acm.DescribeCertificateInput{CertificateArn: sum.CertificateArn})
		if err != nil {
			s.failResource("DescribeCertificate", aws.ToString(sum.CertificateArn), err)
			return
		}
		c := out.Certificate
		cert := &model.ACMCertificate{
			Domain:       aws.ToString(c.DomainName),
			Status:       string(c.Status),
			KeyAlgorithm: string(c.KeyAlgorithm),
			InUse:        len(c.InUseBy) > 0,
		}
		if c.NotAfter != nil {
			cert.NotAfter = c.NotAfter.UTC().Format(time.RFC3339)
		}
		rd := s.reads(aws.ToString(c.CertificateArn))
		var tags map[string]string
		rd.call("ListTagsForCertificate", []string{model.TagsPath}, func() error {
			tt, err := client.ListTagsForCertificate(ctx, &acm.ListTagsForCertificateInput{CertificateArn: sum.CertificateArn})
			if err != nil {
				return err
			}
			tags = addTags(tags, tt.Tags, func(t acmtypes.Tag) (*string, *string) { return t.Key, t.Value })
			return nil
		})
		rd.add(model.KindACMCertificate.With(cert), cert.Domain, c, tags)
	})
}
