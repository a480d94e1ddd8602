package model

// Kinds of this service.
var (
	KindCloudFrontDistribution = NewKind[CloudFrontDistribution]("aws.cloudfront.distribution", "CloudFront distribution")
)

// CloudFrontDistribution is kind aws.cloudfront.distribution.
type CloudFrontDistribution struct {
	ViewerProtocolPolicies []string           `json:"viewer_protocol_policies" doc:"of the default and every ordered cache behavior: allow-all, redirect-to-https, https-only"`
	MinimumProtocolVersion string             `json:"minimum_protocol_version" doc:"e.g. TLSv1.2_2021; empty with the default certificate"`
	DefaultCertificate     bool               `json:"default_certificate"`
	WAFWebACL              string             `json:"waf_web_acl"`
	LoggingEnabled         bool               `json:"logging_enabled"`
	DefaultRootObject      string             `json:"default_root_object" doc:"object returned for the root URL; empty when none"`
	Origins                []CloudFrontOrigin `json:"origins"`
}

// CloudFrontOrigin is one origin of a distribution.
type CloudFrontOrigin struct {
	ID                    string `json:"id"`
	DomainName            string `json:"domain_name"`
	S3                    bool   `json:"s3" doc:"an S3 REST origin (S3OriginConfig); an S3 website endpoint is a custom origin"`
	OriginAccessControlID string `json:"origin_access_control_id" doc:"the origin access control signing requests to the origin; empty when none"`
	OriginAccessIdentity  string `json:"origin_access_identity" doc:"S3 origins: the legacy origin access identity (origin-access-identity/cloudfront/ID); empty when none"`
	ProtocolPolicy        string `json:"protocol_policy" doc:"custom origins: http-only, match-viewer or https-only; empty for S3 origins"`
}
