package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::CloudFront::Distribution", model.KindCloudFrontDistribution, func(b *builder) {
		a := model.KindCloudFrontDistribution.Must(b.target)
		const d = "DistributionConfig."
		a.ViewerProtocolPolicies = []string{b.str(d+"DefaultCacheBehavior.ViewerProtocolPolicy", "viewer_protocol_policies[0]", "allow-all")}
		n := b.count(d+"CacheBehaviors", "viewer_protocol_policies")
		for i := 0; i < n; i++ {
			a.ViewerProtocolPolicies = append(a.ViewerProtocolPolicies,
				b.str(model.Path(d+"CacheBehaviors", i, "ViewerProtocolPolicy"), model.Path("viewer_protocol_policies", i+1), "allow-all"))
		}
		custom := b.has(d+"ViewerCertificate.AcmCertificateArn") || b.has(d+"ViewerCertificate.IamCertificateId")
		a.DefaultCertificate = b.boolean(d+"ViewerCertificate.CloudFrontDefaultCertificate", "default_certificate", !custom)
		if !a.DefaultCertificate {
			a.MinimumProtocolVersion = b.str(d+"ViewerCertificate.MinimumProtocolVersion", "minimum_protocol_version", "TLSv1")
		}
		a.WAFWebACL = b.str(d+"WebACLId", "waf_web_acl", "")
		b.relate(model.RelProtectedBy, a.WAFWebACL)
		a.LoggingEnabled = b.has(d + "Logging.Bucket")
		if a.LoggingEnabled {
			b.locate(d+"Logging", "logging_enabled")
		}
		a.DefaultRootObject = b.str(d+"DefaultRootObject", "default_root_object", "")
		a.Origins = []model.CloudFrontOrigin{}
		n = b.count(d+"Origins", "origins")
		for i := 0; i < n; i++ {
			cf, base := model.Path(d+"Origins", i), model.Path("origins", i)
			o := model.CloudFrontOrigin{
				ID:                    b.str(cf+".Id", base+".id", ""),
				DomainName:            b.str(cf+".DomainName", base+".domain_name", ""),
				OriginAccessControlID: b.str(cf+".OriginAccessControlId", base+".origin_access_control_id", ""),
			}
			switch {
			case b.has(cf + ".CustomOriginConfig"):
				o.ProtocolPolicy = b.str(cf+".CustomOriginConfig.OriginProtocolPolicy", base+".protocol_policy", "")
			case b.has(cf + ".VpcOriginConfig"):
			default:
				o.S3 = true
				o.OriginAccessIdentity = b.str(cf+".S3OriginConfig.OriginAccessIdentity", base+".origin_access_identity", "")
			}
			a.Origins = append(a.Origins, o)
		}
	})
}
