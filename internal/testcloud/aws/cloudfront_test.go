package aws

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	cftypes "github.com/aws/aws-sdk-go-v2/service/cloudfront/types"

	"github.com/vigil-sec/vigil/model"
)

func cloudfrontFragment(w *World) []cfDistribution {
	return w.Account(fragmentAccount).worldOf("cloudfront", Global).(*cloudfrontWorld).Distributions
}

// ListDistributions summarises each distribution, GetDistributionConfig
// returns its configuration as the world has it, ListTagsForResource its
// tags; a missing distribution or resource is AWS's error.
func TestCloudFrontRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "cloudfront")
	cfg, _ := testCloud(t, w)
	c := cloudfront.NewFromConfig(cfg)
	ctx := context.Background()
	world := cloudfrontFragment(w)

	list, err := c.ListDistributions(ctx, &cloudfront.ListDistributionsInput{})
	if err != nil {
		t.Fatal(err)
	}
	dl := list.DistributionList
	if len(dl.Items) != 3 || aws.ToInt32(dl.Quantity) != 3 || aws.ToBool(dl.IsTruncated) || dl.NextMarker != nil || aws.ToInt32(dl.MaxItems) != 100 {
		t.Fatalf("ListDistributions: %+v", dl)
	}
	for i, d := range world {
		sum, x := dl.Items[i], d.Distribution
		want := "arn:aws:cloudfront::" + fragmentAccount + ":distribution/" + aws.ToString(x.Id)
		if aws.ToString(sum.Id) != aws.ToString(x.Id) || aws.ToString(sum.ARN) != want || aws.ToString(sum.DomainName) != aws.ToString(x.DomainName) ||
			aws.ToString(sum.Status) != aws.ToString(x.Status) || !sum.LastModifiedTime.Equal(*x.LastModifiedTime) {
			t.Errorf("summary %d: %s %s %s", i, aws.ToString(sum.Id), aws.ToString(sum.ARN), aws.ToString(sum.DomainName))
		}
		cfgW := x.DistributionConfig
		sameJSON(t, "summary default behavior", sum.DefaultCacheBehavior, cfgW.DefaultCacheBehavior)
		sameJSON(t, "summary viewer certificate", sum.ViewerCertificate, cfgW.ViewerCertificate)
		sameJSON(t, "summary origins", sum.Origins, cfgW.Origins)

		got, err := c.GetDistributionConfig(ctx, &cloudfront.GetDistributionConfigInput{Id: x.Id})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, aws.ToString(x.Id)+" config", got.DistributionConfig, cfgW)
		if aws.ToString(got.ETag) == "" || aws.ToString(got.ETag) != aws.ToString(sum.ETag) {
			t.Errorf("%s: ETag %q, summary's %q", aws.ToString(x.Id), aws.ToString(got.ETag), aws.ToString(sum.ETag))
		}

		tags, err := c.ListTagsForResource(ctx, &cloudfront.ListTagsForResourceInput{Resource: aws.String(want)})
		if err != nil {
			t.Fatal(err)
		}
		gotTags := map[string]string{}
		for _, tg := range tags.Tags.Items {
			gotTags[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
		}
		if d.Tags == nil {
			d.Tags = map[string]string{}
		}
		sameJSON(t, aws.ToString(x.Id)+" tags", gotTags, d.Tags)
	}

	_, err = c.GetDistributionConfig(ctx, &cloudfront.GetDistributionConfigInput{Id: aws.String("E0000NOSUCHDIST")})
	var nsd *cftypes.NoSuchDistribution
	if !errors.As(err, &nsd) {
		t.Errorf("missing distribution: %v", err)
	}
	_, err = c.ListTagsForResource(ctx, &cloudfront.ListTagsForResourceInput{Resource: aws.String("arn:aws:cloudfront::222222222222:distribution/E1LEGACYWEB7Q2X")})
	var nsr *cftypes.NoSuchResource
	if !errors.As(err, &nsr) {
		t.Errorf("another account's distribution: %v", err)
	}
	_, err = c.ListTagsForResource(ctx, &cloudfront.ListTagsForResourceInput{Resource: aws.String("E1LEGACYWEB7Q2X")})
	wantCode(t, "not an ARN", err, "InvalidArgument")
}

// Distributions page by 100 (the default and the most), or by MaxItems,
// each page's NextMarker the last id it holds.
func TestCloudFrontListDistributionsPages(t *testing.T) {
	w := fragmentWorld(t, "cloudfront")
	var many []cfDistribution
	for i := range 230 {
		many = append(many, cfDistribution{Distribution: cftypes.Distribution{Id: aws.String(fmt.Sprintf("E%03dPAGEDDIST", 229-i)),
			DistributionConfig: &cftypes.DistributionConfig{CallerReference: aws.String(fmt.Sprint(i)), Enabled: aws.Bool(true)}}})
	}
	w.Account(fragmentAccount).Set(Global, "cloudfront", &cloudfrontWorld{Distributions: many})
	cfg, _ := testCloud(t, w)
	c := cloudfront.NewFromConfig(cfg)
	for _, tc := range []struct {
		limit int32
		pages int
	}{{0, 3}, {40, 6}, {500, 3}} {
		p := cloudfront.NewListDistributionsPaginator(c, &cloudfront.ListDistributionsInput{}, func(o *cloudfront.ListDistributionsPaginatorOptions) { o.Limit = tc.limit })
		var ids []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, s := range out.DistributionList.Items {
				ids = append(ids, aws.ToString(s.Id))
			}
			if next := out.DistributionList.NextMarker; next != nil && *next != ids[len(ids)-1] {
				t.Errorf("NextMarker %s, last id %s", *next, ids[len(ids)-1])
			}
		}
		if pages != tc.pages || len(ids) != 230 || ids[0] != "E000PAGEDDIST" || ids[229] != "E229PAGEDDIST" {
			t.Errorf("limit %d: %d pages, %d distributions", tc.limit, pages, len(ids))
		}
	}
}

// The collector reads the legacy distribution as allowing HTTP and TLSv1
// without WAF or logs, and the app distribution as HTTPS-only behind WAF.
func TestCloudFrontCollect(t *testing.T) {
	res := collectClean(t, fragmentWorld(t, "cloudfront"), "cloudfront")
	ds := byKind(res.Resources)["aws.cloudfront.distribution"]
	if len(ds) != 3 {
		t.Fatalf("distributions: %v", ds)
	}
	legacy := ds["E1LEGACYWEB7Q2X"]
	sameJSON(t, "legacy distribution", legacy.Attributes, &model.CloudFrontDistribution{
		ViewerProtocolPolicies: []string{"allow-all", "allow-all"}, MinimumProtocolVersion: "TLSv1", DefaultRootObject: "index.html",
		Origins: []model.CloudFrontOrigin{{ID: "legacy-web-origin", DomainName: "legacy-web.acme.example", ProtocolPolicy: "http-only",
			SSLProtocols: []string{"TLSv1"}}},
		SSLSupportMethod: "sni-only", GeoRestriction: "none", OriginGroups: []model.CloudFrontOriginGroup{},
		FieldLevelEncryptionIDs: []string{"", ""}, AssumedDefaults: []string{}})
	if legacy.ID != "arn:aws:cloudfront::111111111111:distribution/E1LEGACYWEB7Q2X" || legacy.Tags["env"] != "legacy" || len(legacy.Relations) != 0 {
		t.Errorf("legacy: %+v", legacy)
	}
	waf := "arn:aws:wafv2:us-east-1:111111111111:global/webacl/cloudfront-edge/8f14e45f-ceea-467f-a0e6-b1c2d3e4f5a6"
	app := ds["E2SECUREAPP9K4M"]
	sameJSON(t, "app distribution", app.Attributes, &model.CloudFrontDistribution{
		ViewerProtocolPolicies: []string{"redirect-to-https", "https-only"}, MinimumProtocolVersion: "TLSv1.2_2021",
		WAFWebACL: waf, LoggingEnabled: true, DefaultRootObject: "index.html",
		Origins: []model.CloudFrontOrigin{{ID: "app-assets", DomainName: "acme-app-assets.s3.us-east-1.amazonaws.com", S3: true, OriginAccessControlID: "E3OACAPPASSETS",
			SSLProtocols: []string{}}},
		SSLSupportMethod: "sni-only", GeoRestriction: "blacklist", OriginGroups: []model.CloudFrontOriginGroup{},
		FieldLevelEncryptionIDs: []string{"", "C3FLEAPIFORMS"}, AssumedDefaults: []string{}})
	if app.Tags["env"] != "production" || len(app.Relations) != 1 || app.Relations[0].Target != waf {
		t.Errorf("app: %+v", app)
	}
	docs := ds["E3DOCSDEFAULT5P"]
	sameJSON(t, "docs distribution", docs.Attributes, &model.CloudFrontDistribution{
		ViewerProtocolPolicies: []string{"redirect-to-https"}, DefaultCertificate: true,
		Origins:        []model.CloudFrontOrigin{{ID: "docs", DomainName: "acme-docs.s3.us-east-1.amazonaws.com", S3: true, SSLProtocols: []string{}}},
		GeoRestriction: "none", OriginGroups: []model.CloudFrontOriginGroup{}, FieldLevelEncryptionIDs: []string{""}, AssumedDefaults: []string{}})
	if docs.Tags != nil {
		t.Errorf("docs tags: %v", docs.Tags)
	}
}
