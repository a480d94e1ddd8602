package aws

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	cftypes "github.com/aws/aws-sdk-go-v2/service/cloudfront/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("cloudfront", true, collectCloudFront) }

// collectCloudFront reads every distribution's configuration (viewer
// protocol policies of the default and ordered cache behaviors, viewer
// certificate, web ACL, logging) into aws.cloudfront.distribution.
func collectCloudFront(ctx context.Context, s *scope) {
	client := cloudfront.NewFromConfig(s.Config())
	var dists []cftypes.DistributionSummary
	p := cloudfront.NewListDistributionsPaginator(client, &cloudfront.ListDistributionsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListDistributions", err)
			return
		}
		if page.DistributionList == nil {
			break
		}
		dists = append(dists, page.DistributionList.Items...)
	}
	forEach(s, dists, func(sum cftypes.DistributionSummary) {
		out, err := client.GetDistributionConfig(ctx, &cloudfront.GetDistributionConfigInput{Id: sum.Id})
		if err != nil {
			s.failResource("GetDistributionConfig", aws.ToString(sum.ARN), err)
			return
		}
		c := out.DistributionConfig
		d := &model.CloudFrontDistribution{ViewerProtocolPolicies: []string{}, AssumedDefaults: []string{}}
		// Default behavior first, then ordered behaviors in order, as
		// the Terraform adapter lists them.
		if c.DefaultCacheBehavior != nil {
			d.ViewerProtocolPolicies = append(d.ViewerProtocolPolicies, string(c.DefaultCacheBehavior.ViewerProtocolPolicy))
		}
		if c.CacheBehaviors != nil {
			for _, b := range c.CacheBehaviors.Items {
				d.ViewerProtocolPolicies = append(d.ViewerProtocolPolicies, string(b.ViewerProtocolPolicy))
			}
		}
		// No viewer certificate, or the CloudFront one, means the default
		// *.cloudfront.net certificate; its minimum version is not the
		// owner's choice, so it stays empty as in Terraform.
		d.DefaultCertificate = true
		if vc := c.ViewerCertificate; vc != nil {
			// AWS accepts either a custom certificate or the default one.
			d.DefaultCertificate = aws.ToString(vc.ACMCertificateArn) == "" && aws.ToString(vc.IAMCertificateId) == ""
			if !d.DefaultCertificate {
				d.MinimumProtocolVersion = string(vc.MinimumProtocolVersion)
			}
		}
		d.WAFWebACL = aws.ToString(c.WebACLId)
		d.LoggingEnabled = c.Logging != nil && aws.ToBool(c.Logging.Enabled)
		d.DefaultRootObject = aws.ToString(c.DefaultRootObject)
		d.Origins = []model.CloudFrontOrigin{}
		if c.Origins != nil {
			for _, o := range c.Origins.Items {
				mo := model.CloudFrontOrigin{ID: aws.ToString(o.Id), DomainName: aws.ToString(o.DomainName),
					OriginAccessControlID: aws.ToString(o.OriginAccessControlId), SSLProtocols: []string{}}
				if o.S3OriginConfig != nil {
					mo.S3 = true
					mo.OriginAccessIdentity = aws.ToString(o.S3OriginConfig.OriginAccessIdentity)
				}
				if co := o.CustomOriginConfig; co != nil {
					mo.ProtocolPolicy = string(co.OriginProtocolPolicy)
					if co.OriginSslProtocols != nil {
						for _, p := range co.OriginSslProtocols.Items {
							mo.SSLProtocols = append(mo.SSLProtocols, string(p))
						}
					}
				}
				d.Origins = append(d.Origins, mo)
			}
		}
		if vc := c.ViewerCertificate; vc != nil && !d.DefaultCertificate {
			d.SSLSupportMethod = string(vc.SSLSupportMethod)
		}
		// GeoRestriction is required in a configuration; a missing one
		// serves every country.
		d.GeoRestriction = string(cftypes.GeoRestrictionTypeNone)
		if c.Restrictions != nil && c.Restrictions.GeoRestriction != nil && c.Restrictions.GeoRestriction.RestrictionType != "" {
			d.GeoRestriction = string(c.Restrictions.GeoRestriction.RestrictionType)
		}
		d.OriginGroups = []model.CloudFrontOriginGroup{}
		if c.OriginGroups != nil {
			for _, g := range c.OriginGroups.Items {
				mg := model.CloudFrontOriginGroup{ID: aws.ToString(g.Id), Members: []string{}}
				if g.Members != nil {
					for _, m := range g.Members.Items {
						mg.Members = append(mg.Members, aws.ToString(m.OriginId))
					}
				}
				d.OriginGroups = append(d.OriginGroups, mg)
			}
		}
		d.FieldLevelEncryptionIDs = []string{}
		if c.DefaultCacheBehavior != nil {
			d.FieldLevelEncryptionIDs = append(d.FieldLevelEncryptionIDs, aws.ToString(c.DefaultCacheBehavior.FieldLevelEncryptionId))
		}
		if c.CacheBehaviors != nil {
			for _, b := range c.CacheBehaviors.Items {
				d.FieldLevelEncryptionIDs = append(d.FieldLevelEncryptionIDs, aws.ToString(b.FieldLevelEncryptionId))
			}
		}
		// Built rather than taken from the summary: the form is fixed, and
		// moto drops the empty region field from the ARN it returns.
		arn := fmt.Sprintf("arn:%s:cloudfront::%s:distribution/%s", svcPartition(s.region), s.account, aws.ToString(sum.Id))
		rd := s.reads(arn)
		var tags map[string]string
		rd.call("ListTagsForResource", []string{model.TagsPath}, func() error {
			tt, err := client.ListTagsForResource(ctx, &cloudfront.ListTagsForResourceInput{Resource: aws.String(arn)})
			if err != nil {
				return err
			}
			if tt.Tags != nil {
				tags = addTags(tags, tt.Tags.Items, func(t cftypes.Tag) (*string, *string) { return t.Key, t.Value })
			}
			return nil
		})
		var rels []model.Relation
		if d.WAFWebACL != "" {
			rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: d.WAFWebACL})
		}
		rd.add(model.KindCloudFrontDistribution.With(d), aws.ToString(sum.Id), c, tags, rels...)
	})
}
