package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	cftypes "github.com/aws/aws-sdk-go-v2/service/cloudfront/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestCloudFrontAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := cloudfront.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	behavior := func(p cftypes.ViewerProtocolPolicy) *cftypes.DefaultCacheBehavior {
		return &cftypes.DefaultCacheBehavior{TargetOriginId: aws.String("origin"), ViewerProtocolPolicy: p,
			CachePolicyId: aws.String("658327ea-f89d-4fab-a63d-7e88639e58f6")}
	}
	config := func(ref string, def cftypes.ViewerProtocolPolicy) *cftypes.DistributionConfig {
		return &cftypes.DistributionConfig{CallerReference: aws.String(ref), Comment: aws.String(ref), Enabled: aws.Bool(true),
			Origins: &cftypes.Origins{Quantity: aws.Int32(1), Items: []cftypes.Origin{{Id: aws.String("origin"),
				DomainName: aws.String("assets.s3.amazonaws.com"), S3OriginConfig: &cftypes.S3OriginConfig{OriginAccessIdentity: aws.String("")}}}},
			DefaultCacheBehavior: behavior(def)}
	}
	// A distribution on the default certificate whose ordered behavior
	// allows HTTP, without WAF or logging.
	loose := config("loose", cftypes.ViewerProtocolPolicyRedirectToHttps)
	loose.CacheBehaviors = &cftypes.CacheBehaviors{Quantity: aws.Int32(1), Items: []cftypes.CacheBehavior{{PathPattern: aws.String("/legacy/*"),
		TargetOriginId: aws.String("origin"), ViewerProtocolPolicy: cftypes.ViewerProtocolPolicyAllowAll,
		CachePolicyId: aws.String("658327ea-f89d-4fab-a63d-7e88639e58f6")}}}
	tight := config("tight", cftypes.ViewerProtocolPolicyHttpsOnly)
	tight.ViewerCertificate = &cftypes.ViewerCertificate{CloudFrontDefaultCertificate: aws.Bool(false),
		ACMCertificateArn: aws.String("arn:aws:acm:us-east-1:123456789012:certificate/abc"), SSLSupportMethod: cftypes.SSLSupportMethodSniOnly,
		MinimumProtocolVersion: cftypes.MinimumProtocolVersionTLSv122021}
	tight.WebACLId = aws.String("arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1")
	tight.Logging = &cftypes.LoggingConfig{Enabled: aws.Bool(true), Bucket: aws.String("logs.s3.amazonaws.com"),
		IncludeCookies: aws.Bool(false), Prefix: aws.String("cf/")}
	tight.DefaultRootObject = aws.String("index.html")
	ids := map[string]string{}
	for name, c := range map[string]*cftypes.DistributionConfig{"loose": loose, "tight": tight} {
		out, err := client.CreateDistribution(ctx, &cloudfront.CreateDistributionInput{DistributionConfig: c})
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = aws.ToString(out.Distribution.Id)
	}
	res := collectMoto(t, srv, []string{"cloudfront"})
	noErrors(t, res)
	dists := byKind(res, "aws.cloudfront.distribution")
	if len(dists) != 2 {
		t.Fatalf("want 2 distributions, got %d", len(dists))
	}
	l, g := dists[ids["loose"]], dists[ids["tight"]]
	if a := l.Attributes.(*model.CloudFrontDistribution); len(a.ViewerProtocolPolicies) != 2 || a.ViewerProtocolPolicies[0] != "redirect-to-https" ||
		a.ViewerProtocolPolicies[1] != "allow-all" || !a.DefaultCertificate || a.MinimumProtocolVersion != "" || a.WAFWebACL != "" || a.LoggingEnabled ||
		l.ID != "arn:aws:cloudfront::123456789012:distribution/"+ids["loose"] || len(l.Raw) == 0 {
		t.Errorf("loose: %s %+v", l.ID, a)
	}
	if a := g.Attributes.(*model.CloudFrontDistribution); len(a.ViewerProtocolPolicies) != 1 || a.ViewerProtocolPolicies[0] != "https-only" ||
		a.DefaultCertificate || a.MinimumProtocolVersion != "TLSv1.2_2021" || a.WAFWebACL != *tight.WebACLId || !a.LoggingEnabled ||
		len(g.Relations) != 1 || g.Relations[0].Type != model.RelProtectedBy {
		t.Errorf("tight: %s %v %+v", g.ID, g.Relations, a)
	}
	fails := failing(t, res.Resources)
	// moto (5.x) answers an S3 origin without its S3OriginConfig (and
	// drops an origin access control id), so origin access (AWS-CF-022)
	// is proven against the test cloud only.
	if a := g.Attributes.(*model.CloudFrontDistribution); a.DefaultRootObject != "index.html" || len(a.Origins) != 1 ||
		a.Origins[0].ID != "origin" || a.Origins[0].DomainName != "assets.s3.amazonaws.com" {
		t.Errorf("tight root object and origins: %+v", a)
	}
	// The certificate's serving method and the geo restriction (moto
	// fills restriction type none when none is sent).
	if a := g.Attributes.(*model.CloudFrontDistribution); a.SSLSupportMethod != "sni-only" || a.GeoRestriction != "none" ||
		len(a.OriginGroups) != 0 || len(a.FieldLevelEncryptionIDs) != 1 {
		t.Errorf("tight certificate, geo restriction, groups: %+v", a)
	}
	// Neither has a geo restriction or an origin group; neither serves
	// its certificate from dedicated IPs.
	for _, d := range []string{ids["loose"], ids["tight"]} {
		if !fails[d]["AWS-CF-030"] || !fails[d]["AWS-CF-031"] || fails[d]["AWS-CF-032"] {
			t.Errorf("geo restriction, failover, SNI on %s: %v", d, fails[d])
		}
	}
	for _, id := range []string{"AWS-CF-001", "AWS-CF-002", "AWS-CF-003", "AWS-CF-020", "AWS-CF-021"} {
		if !fails[ids["loose"]][id] || fails[ids["tight"]][id] {
			t.Errorf("%s: %v", id, fails)
		}
	}
}
