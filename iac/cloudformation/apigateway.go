package cloudformation

import (
	"sort"
	"strings"

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
		a.ExecutionLoggingLevel, a.ExecutionLoggingOffMethods = "OFF", []string{}
		for i := 0; i < n; i++ {
			ms := model.Path("MethodSettings", i)
			if b.boolean(ms+".CacheDataEncrypted", "cache_encrypted", false) {
				a.CacheEncrypted = true
			}
			// ResourcePath /* with HttpMethod * is the stage-wide
			// setting (*/* in the API); a resource path's slashes are
			// ~1 in a method path.
			level := b.str(ms+".LoggingLevel", "execution_logging_level", "OFF")
			res, verb := b.str(ms+".ResourcePath", "execution_logging_level", ""), b.str(ms+".HttpMethod", "execution_logging_level", "")
			if res == "/*" && verb == "*" {
				a.ExecutionLoggingLevel = level
			} else if level == "OFF" && res != "" {
				a.ExecutionLoggingOffMethods = append(a.ExecutionLoggingOffMethods, strings.ReplaceAll(strings.TrimPrefix(res, "/"), "/", "~1")+"/"+verb)
			}
		}
		sort.Strings(a.ExecutionLoggingOffMethods)
	})
}
