package tfaws

import (
	"sort"

	"github.com/vigil-sec/vigil/model"
)

// API Gateway stages (REST and HTTP/WebSocket), joined with their method
// settings and WAF association.
func init() {
	stageTypes := []string{"aws_api_gateway_stage", "aws_apigatewayv2_stage"}
	registerParent("aws_api_gateway_stage", model.KindAPIGatewayStage, func(b *Builder) {
		a := model.KindAPIGatewayStage.Must(b.R)
		a.Name = b.NameFrom("stage_name")
		a.AccessLogsEnabled = b.accessLogs()
		a.XRayTracing = b.Bool("xray_tracing_enabled", "xray_tracing_enabled", false)
		a.API = "rest"
		a.CacheEnabled = b.Bool("cache_cluster_enabled", "cache_cluster_enabled", false)
		a.ClientCertificate = b.String("client_certificate_id", "client_certificate_id", "")
		// Without a */* aws_api_gateway_method_settings, execution
		// logging is off.
		a.ExecutionLoggingLevel, a.ExecutionLoggingOffMethods = "OFF", []string{}
	})
	registerParent("aws_apigatewayv2_stage", model.KindAPIGatewayStage, func(b *Builder) {
		a := model.KindAPIGatewayStage.Must(b.R)
		a.Name = b.NameFrom("name")
		a.AccessLogsEnabled = b.accessLogs()
		a.API = "v2"
		a.ExecutionLoggingOffMethods = []string{}
	})
	registerChild("aws_api_gateway_method_settings", "stage_name", stageTypes[:1], func(p *Builder, c *Child) {
		a := model.KindAPIGatewayStage.Must(p.R)
		a.CacheEncrypted = c.Bool("settings[0].cache_data_encrypted", "cache_encrypted", false)
		level := c.String("settings[0].logging_level", "execution_logging_level", "OFF")
		if path := c.String("method_path", "execution_logging_level", ""); path == "*/*" {
			a.ExecutionLoggingLevel = level
		} else if level == "OFF" && path != "" {
			a.ExecutionLoggingOffMethods = append(a.ExecutionLoggingOffMethods, path)
			sort.Strings(a.ExecutionLoggingOffMethods)
		}
	})
	registerChild("aws_wafv2_web_acl_association", "resource_arn", stageTypes[:1], func(p *Builder, c *Child) {
		a := model.KindAPIGatewayStage.Must(p.R)
		a.WAFWebACL = c.String("web_acl_arn", "waf_web_acl", "")
	})
}

// accessLogs reports whether an access_log_settings block names a
// destination.
func (b *Builder) accessLogs() bool {
	if !b.HasBlock("access_log_settings") {
		return false
	}
	b.locate("access_log_settings[0]", "access_logs_enabled")
	if _, ok := b.Lookup("access_log_settings[0].destination_arn"); ok {
		return true
	}
	return false
}
