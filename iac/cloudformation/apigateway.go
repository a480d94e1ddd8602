package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::ApiGateway::Stage", model.KindAPIGatewayStage, func(b *builder) {
		a := model.KindAPIGatewayStage.Must(b.target)
		a.Name = b.str("StageName", "name", "")
		if a.Name != "" {
			b.r.Name = a.Name
		}
		a.AccessLogsEnabled = b.has("AccessLogSetting.DestinationArn")
		if a.AccessLogsEnabled {
			b.locate("AccessLogSetting", "access_logs_enabled")
		}
		a.XRayTracing = b.boolean("TracingEnabled", "xray_tracing_enabled", false)
		a.API = "rest"
		a.CacheEnabled = b.boolean("CacheClusterEnabled", "cache_cluster_enabled", false)
		a.ClientCertificate = b.str("ClientCertificateId", "client_certificate_id", "")
		n := b.count("MethodSettings", "cache_encrypted")
		for i := 0; i < n; i++ {
			if b.boolean(model.Path("MethodSettings", i, "CacheDataEncrypted"), "cache_encrypted", false) {
				a.CacheEncrypted = true
			}
		}
	})
}
