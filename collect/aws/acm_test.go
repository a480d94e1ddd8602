package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/acm"
	acmtypes "github.com/aws/aws-sdk-go-v2/service/acm/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestACMAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := acm.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	out, err := client.RequestCertificate(ctx, &acm.RequestCertificateInput{DomainName: aws.String("shop.example.com"),
		ValidationMethod: acmtypes.ValidationMethodDns,
		Tags:             []acmtypes.Tag{{Key: aws.String("team"), Value: aws.String("web")}}})
	if err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"acm"})
	noErrors(t, res)
	certs := byKind(res, "aws.acm.certificate")
	c := certs["shop.example.com"]
	if c == nil {
		t.Fatalf("certificate not collected: %v", certs)
	}
	a := c.Attributes.(*model.ACMCertificate)
	// moto leaves a requested certificate PENDING_VALIDATION but fills
	// NotAfter, and ignores a requested KeyAlgorithm (always RSA_2048).
	if a.Domain != "shop.example.com" || a.Status != "PENDING_VALIDATION" || a.NotAfter == "" || a.KeyAlgorithm != "RSA_2048" || a.InUse || c.ID != aws.ToString(out.CertificateArn) ||
		c.Tags["team"] != "web" || len(c.Raw) == 0 {
		t.Errorf("certificate: %+v %+v", c, a)
	}
}
