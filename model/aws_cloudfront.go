package model

// Kinds of this service.
var (
	KindCloudFrontDistribution = NewKind[CloudFrontDistribution]("aws.cloudfront.distribution", "CloudFront distribution")
)

// CloudFrontDistribution is kind aws.cloudfront.distribution.
type CloudFrontDistribution struct {
	ViewerProtocolPolicies []string `json:"viewer_protocol_policies" doc:"of the default and every ordered cache behavior: allow-all, redirect-to-https, https-only"`
	MinimumProtocolVersion string   `json:"minimum_protocol_version" doc:"e.g. TLSv1.2_2021; empty with the default certificate"`
	DefaultCertificate     bool     `json:"default_certificate"`
	WAFWebACL              string   `json:"waf_web_acl"`
	LoggingEnabled         bool     `json:"logging_enabled"`
}
