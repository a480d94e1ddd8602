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
	})
}
