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
	// SSLSupportMethod is how a custom certificate is served: sni-only,
	// vip (a dedicated IP address per edge location, billed monthly) or
	// static-ip; empty with the default certificate.
	SSLSupportMethod string `json:"ssl_support_method" doc:"custom certificates: sni-only, vip or static-ip; empty with the default certificate"`
	// GeoRestriction is the restriction type: none, whitelist (serve only
	// the listed countries) or blacklist (serve all but them).
	GeoRestriction string                  `json:"geo_restriction" doc:"none, whitelist or blacklist"`
	OriginGroups   []CloudFrontOriginGroup `json:"origin_groups" doc:"origin failover groups; empty when none"`
	// FieldLevelEncryptionIDs lists, in viewer_protocol_policies' order
	// (default behavior first), the field-level encryption configuration
	// of each cache behavior; "" where a behavior has none.
	FieldLevelEncryptionIDs []string `json:"field_level_encryption_ids" doc:"per cache behavior, default first: the field-level encryption configuration id, empty where none"`
	// AssumedDefaults names the settings an IaC source left out where the
	// default the provider applies is not documented, so the value in
	// their place is not the effective one and rules give no verdict on
	// them: origins[N].ssl_protocols for a CloudFormation custom origin
	// without OriginSSLProtocols. Empty live.
	AssumedDefaults []string `json:"assumed_defaults" doc:"IaC: settings left to an undocumented default (origins[N].ssl_protocols); empty live"`
}

// CloudFrontOriginGroup is an origin failover group.
type CloudFrontOriginGroup struct {
	ID      string   `json:"id"`
	Members []string `json:"members" doc:"the member origins' ids, primary first"`
}

// CloudFrontOrigin is one origin of a distribution.
type CloudFrontOrigin struct {
	ID                    string `json:"id"`
	DomainName            string `json:"domain_name"`
	S3                    bool   `json:"s3" doc:"an S3 REST origin (S3OriginConfig); an S3 website endpoint is a custom origin"`
	OriginAccessControlID string `json:"origin_access_control_id" doc:"the origin access control signing requests to the origin; empty when none"`
	OriginAccessIdentity  string `json:"origin_access_identity" doc:"S3 origins: the legacy origin access identity (origin-access-identity/cloudfront/ID); empty when none"`
	ProtocolPolicy        string `json:"protocol_policy" doc:"custom origins: http-only, match-viewer or https-only; empty for S3 origins"`
	// SSLProtocols are the protocols CloudFront may negotiate with a
	// custom origin over HTTPS (SSLv3, TLSv1, TLSv1.1, TLSv1.2).
	SSLProtocols []string `json:"ssl_protocols" doc:"custom origins: SSLv3, TLSv1, TLSv1.1, TLSv1.2; empty for S3 origins"`
}
