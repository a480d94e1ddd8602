package tfaws

import (
	"reflect"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func TestCloudFrontBehaviorsAndCertificate(t *testing.T) {
	behaviors := map[string]any{
		"default_cache_behavior": []any{map[string]any{"viewer_protocol_policy": "redirect-to-https"}},
		"ordered_cache_behavior": []any{
			map[string]any{"viewer_protocol_policy": "https-only"},
			map[string]any{"viewer_protocol_policy": "allow-all"},
		},
	}
	tests := []struct {
		name        string
		cert        map[string]any
		wantDefault bool
		wantMin     string
	}{
		{"default certificate", map[string]any{"cloudfront_default_certificate": true}, true, ""},
		{"acm certificate, provider default TLS", map[string]any{"acm_certificate_arn": "arn:aws:acm:us-east-1:1:certificate/x"}, false, "TLSv1"},
		{"acm certificate, modern TLS", map[string]any{"acm_certificate_arn": "arn", "minimum_protocol_version": "TLSv1.2_2021"}, false, "TLSv1.2_2021"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := map[string]any{"viewer_certificate": []any{tt.cert}, "web_acl_id": "arn:waf"}
			for k, b := range behaviors {
				v[k] = b
			}
			a := mapKind(t, "aws.cloudfront.distribution", 1, inst("aws_cloudfront_distribution", "cdn", v, nil))[0].Attributes.(*model.CloudFrontDistribution)
			if !reflect.DeepEqual(a.ViewerProtocolPolicies, []string{"redirect-to-https", "https-only", "allow-all"}) {
				t.Errorf("behaviors: %v", a.ViewerProtocolPolicies)
			}
			if a.DefaultCertificate != tt.wantDefault || a.MinimumProtocolVersion != tt.wantMin || a.WAFWebACL != "arn:waf" || a.LoggingEnabled {
				t.Errorf("got %+v", a)
			}
		})
	}
}
