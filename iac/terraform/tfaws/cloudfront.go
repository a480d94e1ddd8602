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
				// Required by the provider.
				o.SSLProtocols = b.Strings(tf+".custom_origin_config[0].origin_ssl_protocols", base+".ssl_protocols")
			case b.HasBlock(tf + ".vpc_origin_config"):
			default:
				o.S3 = true
				o.OriginAccessIdentity = b.String(tf+".s3_origin_config[0].origin_access_identity", base+".origin_access_identity", "")
			}
			if o.SSLProtocols == nil {
				o.SSLProtocols = []string{}
			}
			a.Origins = append(a.Origins, o)
		}
		if !a.DefaultCertificate {
			a.SSLSupportMethod = b.String("viewer_certificate[0].ssl_support_method", "ssl_support_method", "")
		}
		// restrictions.geo_restriction is required by the provider.
		a.GeoRestriction = b.String("restrictions[0].geo_restriction[0].restriction_type", "geo_restriction", "none")
		a.OriginGroups = []model.CloudFrontOriginGroup{}
		for i := range b.Blocks("origin_group") {
			tf, base := model.Path("origin_group", i), model.Path("origin_groups", i)
			g := model.CloudFrontOriginGroup{ID: b.String(tf+".origin_id", base+".id", ""), Members: []string{}}
			for j := range b.Blocks(tf + ".member") {
				g.Members = append(g.Members, b.String(model.Path(tf+".member", j, "origin_id"), model.Path(base+".members", j), ""))
			}
			a.OriginGroups = append(a.OriginGroups, g)
		}
		// origin_ssl_protocols is required: nothing is left to a default.
		a.AssumedDefaults = []string{}
		a.FieldLevelEncryptionIDs = []string{}
		if b.HasBlock("default_cache_behavior") {
			a.FieldLevelEncryptionIDs = append(a.FieldLevelEncryptionIDs,
				b.String("default_cache_behavior[0].field_level_encryption_id", "field_level_encryption_ids[0]", ""))
		}
		for i := range b.Blocks("ordered_cache_behavior") {
			n := len(a.FieldLevelEncryptionIDs)
			a.FieldLevelEncryptionIDs = append(a.FieldLevelEncryptionIDs,
				b.String(model.Path("ordered_cache_behavior", i, "field_level_encryption_id"), model.Path("field_level_encryption_ids", n), ""))
		}
	})
}
