package aws

import (
	"context"
	"net/url"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/vigil-sec/vigil/model"
)

// s3controlAt resolves every S3 Control call to the test cloud itself, as
// the collector does on a custom endpoint (the SDK would prefix the host
// with the account id).
type s3controlAt struct{ url string }

func (r s3controlAt) ResolveEndpoint(context.Context, s3control.EndpointParameters) (smithyendpoints.Endpoint, error) {
	u, err := url.Parse(r.url)
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	return smithyendpoints.Endpoint{URI: *u}, nil
}

func s3controlClient(t *testing.T, w *World) *s3control.Client {
	cfg, _ := testCloud(t, w)
	return s3control.NewFromConfig(cfg, func(o *s3control.Options) { o.EndpointResolverV2 = s3controlAt{*o.BaseEndpoint} })
}

// The account's public access block round-trips; an account without one
// answers NoSuchPublicAccessBlockConfiguration, and another account's id
// is denied.
func TestS3ControlPublicAccessBlock(t *testing.T) {
	w := fragmentWorld(t, "s3control")
	c := s3controlClient(t, w)
	ctx := context.Background()
	out, err := c.GetPublicAccessBlock(ctx, &s3control.GetPublicAccessBlockInput{AccountId: aws.String(fragmentAccount)})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "account public access block", out.PublicAccessBlockConfiguration,
		w.Account(fragmentAccount).worldOf("s3control", Global).(*s3controlWorld).PublicAccessBlock)

	_, err = c.GetPublicAccessBlock(ctx, &s3control.GetPublicAccessBlockInput{AccountId: aws.String("222222222222")})
	wantCode(t, "another account", err, "AccessDenied")

	_, err = s3controlClient(t, fragmentWorld(t, "sqs")).GetPublicAccessBlock(ctx, &s3control.GetPublicAccessBlockInput{AccountId: aws.String(fragmentAccount)})
	wantCode(t, "no block", err, "NoSuchPublicAccessBlockConfiguration")
}

// The collector records the account's block on aws.account: as set, or
// every setting off when none is configured.
func TestS3ControlCollect(t *testing.T) {
	for _, tc := range []struct {
		fragments []string
		want      model.S3PublicAccessBlock
	}{
		{[]string{"s3control"}, model.S3PublicAccessBlock{BlockPublicACLs: true, IgnorePublicACLs: true}},
		{[]string{"sqs"}, model.S3PublicAccessBlock{}},
	} {
		res, srv := collect(t, fragmentWorld(t, tc.fragments...), "s3")
		for _, e := range res.Errors {
			t.Errorf("%v: collection error: %s", tc.fragments, e)
		}
		if u := srv.Stats().Unhandled; len(u) > 0 {
			t.Errorf("unhandled: %v", u)
		}
		acct := byKind(res.Resources)["aws.account"][fragmentAccount]
		if acct == nil {
			t.Fatalf("%v: no aws.account", tc.fragments)
		}
		got := acct.Attributes.(*model.AWSAccount).S3PublicAccessBlock
		if got == nil || *got != tc.want {
			t.Errorf("%v: account block %+v, want %+v", tc.fragments, got, tc.want)
		}
	}
}
