package aws

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/acm"
	acmtypes "github.com/aws/aws-sdk-go-v2/service/acm/types"

	"github.com/vigil-sec/vigil/model"
)

var acmARN = regexp.MustCompile(`^arn:aws:acm:us-east-1:111111111111:certificate/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// ListCertificates (RSA 2048 only unless asked), DescribeCertificate and
// ListTagsForCertificate decode through the SDK into the world's
// certificates; a certificate without an ARN gets a stable one.
func TestACMRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "acm")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := acm.NewFromConfig(cfg)
	certs := w.Account(fragmentAccount).worldOf("acm", "us-east-1").(*acmWorld).Certificates

	def, err := client.ListCertificates(ctx, &acm.ListCertificatesInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(def.CertificateSummaryList) != 2 {
		t.Errorf("by default only the RSA 2048 certificates: %d", len(def.CertificateSummaryList))
	}
	all, err := client.ListCertificates(ctx, &acm.ListCertificatesInput{Includes: &acmtypes.Filters{KeyTypes: acmtypes.KeyAlgorithm("").Values()}})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.CertificateSummaryList) != 3 {
		t.Fatalf("every key type: %d certificates", len(all.CertificateSummaryList))
	}
	made := aws.ToString(all.CertificateSummaryList[2].CertificateArn)
	if !acmARN.MatchString(made) {
		t.Errorf("made-up ARN %s", made)
	}
	var wantSums []acmtypes.CertificateSummary
	for i, c := range certs {
		d := c.CertificateDetail
		if i == 2 {
			d.CertificateArn = aws.String(made)
		}
		wantSums = append(wantSums, acmSummary(d))

		out, err := client.DescribeCertificate(ctx, &acm.DescribeCertificateInput{CertificateArn: d.CertificateArn})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "DescribeCertificate "+aws.ToString(d.DomainName), out.Certificate, d)
		tags, err := client.ListTagsForCertificate(ctx, &acm.ListTagsForCertificateInput{CertificateArn: d.CertificateArn})
		if err != nil {
			t.Fatal(err)
		}
		wantTags := c.Tags
		if wantTags == nil {
			wantTags = []acmtypes.Tag{}
		}
		sameJSON(t, "ListTagsForCertificate "+aws.ToString(d.DomainName), tags.Tags, wantTags)
	}
	sameJSON(t, "ListCertificates", all.CertificateSummaryList, wantSums)
	if !aws.ToBool(all.CertificateSummaryList[0].InUse) || aws.ToBool(all.CertificateSummaryList[2].InUse) {
		t.Errorf("InUse follows InUseBy")
	}

	pending, err := client.ListCertificates(ctx, &acm.ListCertificatesInput{CertificateStatuses: []acmtypes.CertificateStatus{acmtypes.CertificateStatusPendingValidation},
		Includes: &acmtypes.Filters{KeyTypes: []acmtypes.KeyAlgorithm{acmtypes.KeyAlgorithmEcPrime256v1}}})
	if err != nil || len(pending.CertificateSummaryList) != 1 || aws.ToString(pending.CertificateSummaryList[0].DomainName) != "api.acme-corp.com" {
		t.Errorf("by status and key type: %v %v", pending, err)
	}
	// The made-up ARN is the same on the next call.
	again, _ := client.ListCertificates(ctx, &acm.ListCertificatesInput{Includes: &acmtypes.Filters{KeyTypes: []acmtypes.KeyAlgorithm{acmtypes.KeyAlgorithmEcPrime256v1}}})
	if aws.ToString(again.CertificateSummaryList[0].CertificateArn) != made {
		t.Errorf("unstable ARN")
	}
}

// Unknown and malformed ARNs, bad tokens and too big a page are refused
// with ACM's codes.
func TestACMErrors(t *testing.T) {
	w := fragmentWorld(t, "acm")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := acm.NewFromConfig(cfg)
	missing := aws.String("arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-4000-8000-000000000000")
	var nf *acmtypes.ResourceNotFoundException
	_, err := client.DescribeCertificate(ctx, &acm.DescribeCertificateInput{CertificateArn: missing})
	if !errors.As(err, &nf) {
		t.Errorf("DescribeCertificate missing: %v", err)
	}
	_, err = client.ListTagsForCertificate(ctx, &acm.ListTagsForCertificateInput{CertificateArn: missing})
	if !errors.As(err, &nf) {
		t.Errorf("ListTagsForCertificate missing: %v", err)
	}
	var badARN *acmtypes.InvalidArnException
	_, err = client.DescribeCertificate(ctx, &acm.DescribeCertificateInput{CertificateArn: aws.String("www.acme-corp.com")})
	if !errors.As(err, &badARN) {
		t.Errorf("DescribeCertificate by domain: %v", err)
	}
	var badToken *acmtypes.InvalidArgsException
	_, err = client.ListCertificates(ctx, &acm.ListCertificatesInput{NextToken: aws.String("bogus")})
	if !errors.As(err, &badToken) {
		t.Errorf("bad token: %v", err)
	}
	_, err = client.ListCertificates(ctx, &acm.ListCertificatesInput{MaxItems: aws.Int32(1001)})
	if code := awsJSONErrCode(err); code != "ValidationException" {
		t.Errorf("MaxItems 1001: %v", err)
	}
}

// Certificates page by MaxItems (1000 at most).
func TestACMPages(t *testing.T) {
	w := fragmentWorld(t, "acm")
	var certs []acmCertificate
	for i := range 1100 {
		certs = append(certs, acmCertificate{CertificateDetail: acmtypes.CertificateDetail{DomainName: aws.String(fmt.Sprintf("h%04d.acme-corp.com", i)),
			KeyAlgorithm: acmtypes.KeyAlgorithmRsa2048, Status: acmtypes.CertificateStatusIssued}})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "acm", &acmWorld{Certificates: certs})
	cfg, _ := testCloud(t, w)
	client := acm.NewFromConfig(cfg, func(o *acm.Options) { o.Region = "eu-west-1" })
	for _, tc := range []struct {
		limit int32
		pages int
	}{{0, 2}, {400, 3}} {
		p := acm.NewListCertificatesPaginator(client, &acm.ListCertificatesInput{}, func(o *acm.ListCertificatesPaginatorOptions) { o.Limit = tc.limit })
		seen := map[string]bool{}
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range out.CertificateSummaryList {
				seen[aws.ToString(s.CertificateArn)] = true
			}
			pages++
		}
		if len(seen) != 1100 || pages != tc.pages {
			t.Errorf("limit %d: %d distinct certificates in %d pages, want 1100 in %d", tc.limit, len(seen), pages, tc.pages)
		}
	}
}

// The collector reads every key type: the in-use certificate renewing on
// its own, the imported one expiring in December, the pending ECDSA one.
func TestACMCollector(t *testing.T) {
	w := fragmentWorld(t, "acm")
	res := collectClean(t, w, "acm")
	certs := byKind(res.Resources)["aws.acm.certificate"]
	if len(certs) != 4 {
		t.Fatalf("want 4 certificates, got %d", len(certs))
	}
	www := certs["www.acme-corp.com"]
	if www == nil || www.ID != "arn:aws:acm:us-east-1:111111111111:certificate/4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f" || www.Tags["team"] != "web" {
		t.Fatalf("www: %+v", www)
	}
	if a := www.Attributes.(*model.ACMCertificate); a.Status != "ISSUED" || !a.InUse || a.KeyAlgorithm != "RSA_2048" || a.NotAfter != "2027-06-30T23:59:59Z" {
		t.Errorf("www attributes: %+v", a)
	}
	if a := certs["legacy.acme-corp.com"].Attributes.(*model.ACMCertificate); a.NotAfter != "2026-12-10T23:59:59Z" || !a.InUse {
		t.Errorf("expiring certificate: %+v", a)
	}
	if a := certs["api.acme-corp.com"].Attributes.(*model.ACMCertificate); a.Status != "PENDING_VALIDATION" || a.NotAfter != "" || a.KeyAlgorithm != "EC_prime256v1" {
		t.Errorf("pending certificate: %+v", a)
	}
	if a := certs["eu.acme-corp.com"].Attributes.(*model.ACMCertificate); a.Status != "EXPIRED" || a.InUse {
		t.Errorf("expired certificate: %+v", a)
	}
}
