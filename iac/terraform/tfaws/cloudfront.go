package tfaws

import "github.com/vigil-sec/vigil/model"

// CloudFront: aws_cloudfront_distribution becomes
// aws.cloudfront.distribution.
func init() {
	registerParent("aws_cloudfront_distribution", model.KindCloudFrontDistribution, func(b *Builder) {
		a := model.KindCloudFrontDistribution.Must(b.R)
		// Default behavior first, then ordered behaviors in order.
		a.ViewerProtocolPolicies = []string{}
		if b.HasBlock("default_cache_behavior") {
			a.ViewerProtocolPolicies = append(a.ViewerProtocolPolicies,
				b.String("default_cache_behavior[0].viewer_protocol_policy", "viewer_protocol_policies[0]", ""))
		}
		for i := range b.Blocks("ordered_cache_behavior") {
			n := len(a.ViewerProtocolPolicies)
			a.ViewerProtocolPolicies = append(a.ViewerProtocolPolicies,
				b.String(model.Path("ordered_cache_behavior", i, "viewer_protocol_policy"), model.Path("viewer_protocol_policies", n), ""))
		}
		custom := b.Has("viewer_certificate[0].acm_certificate_arn") || b.Has("viewer_certificate[0].iam_certificate_id")
		a.DefaultCertificate = b.Bool("viewer_certificate[0].cloudfront_default_certificate", "default_certificate", !custom)
		if !a.DefaultCertificate {
			// Provider default for custom certificates.
			a.MinimumProtocolVersion = b.String("viewer_certificate[0].minimum_protocol_version", "minimum_protocol_version", "TLSv1")
		} else {
			b.locate("viewer_certificate[0]", "default_certificate")
		}
		a.WAFWebACL = b.String("web_acl_id", "waf_web_acl", "")
		// The live collector relates a distribution to its web ACL too.
		if a.WAFWebACL != "" {
			b.R.Relations = append(b.R.Relations, model.Relation{Type: model.RelProtectedBy, Target: a.WAFWebACL})
		}
		a.LoggingEnabled = b.HasBlock("logging_config")
		a.DefaultRootObject = b.String("default_root_object", "default_root_object", "")
		a.Origins = []model.CloudFrontOrigin{}
		for i := range b.Blocks("origin") {
			tf, base := model.Path("origin", i), model.Path("origins", i)
			o := model.CloudFrontOrigin{
				ID:                    b.String(tf+".origin_id", base+".id", ""),
				DomainName:            b.String(tf+".domain_name", base+".domain_name", ""),
				OriginAccessControlID: b.String(tf+".origin_access_control_id", base+".origin_access_control_id", ""),
			}
			// The provider sends an S3 origin unless custom_origin_config
			// or vpc_origin_config is given.
			switch {
			case b.HasBlock(tf + ".custom_origin_config"):
				o.ProtocolPolicy = b.String(tf+".custom_origin_config[0].origin_protocol_policy", base+".protocol_policy", "")
			case b.HasBlock(tf + ".vpc_origin_config"):
			default:
				o.S3 = true
				o.OriginAccessIdentity = b.String(tf+".s3_origin_config[0].origin_access_identity", base+".origin_access_identity", "")
			}
			a.Origins = append(a.Origins, o)
		}
	})
}
