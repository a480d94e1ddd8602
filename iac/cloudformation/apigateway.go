package cloudformation

import (
	"sort"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

func init() {
	restAPIs()
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

// restAPIs maps AWS::ApiGateway::RestApi to aws.apigateway.rest_api,
// joined by its methods (AWS::ApiGateway::Method, at the path its
// AWS::ApiGateway::Resource chain gives) and authorizers
// (AWS::ApiGateway::Authorizer), in template order.
func restAPIs() {
	parent("AWS::ApiGateway::RestApi", model.KindAPIGatewayRestAPI, func(b *builder) {
		a := model.KindAPIGatewayRestAPI.Must(b.target)
		if n := b.str("Name", "", ""); n != "" {
			b.r.Name = n
		}
		a.Methods, a.Authorizers = []model.APIGatewayMethod{}, []model.APIGatewayAuthorizer{}
		// Without EndpointConfiguration, an API is edge-optimized.
		a.EndpointTypes = []string{"EDGE"}
		if b.has("EndpointConfiguration.Types") {
			a.EndpointTypes = b.strs("EndpointConfiguration.Types", "endpoint_types")
		}
		a.Policy = b.policy("Policy", "policy")
		if b.has("Body") || b.has("BodyS3Location") {
			// An OpenAPI definition declares the methods and authorizers
			// (and may declare the endpoint type and the resource policy):
			// not read here.
			if !b.has("Policy") {
				b.target.MarkUnknown("policy")
			}
			b.locate(firstSet(b, "Body", "BodyS3Location"), "methods")
			b.target.MarkUnknown("methods")
			b.target.MarkUnknown("authorizers")
			if !b.has("EndpointConfiguration.Types") {
				b.target.MarkUnknown("endpoint_types")
			}
		}
	})
	// A resource only gives its methods their path.
	child("AWS::ApiGateway::Resource", func(c *builder) {})
	child("AWS::ApiGateway::Authorizer", func(c *builder) {
		for _, p := range c.parentsOf("RestApiId", "AWS::ApiGateway::RestApi") {
			c.onto(p)
			a := model.KindAPIGatewayRestAPI.Must(c.target)
			if c.target.IsUnknown("authorizers") {
				continue
			}
			base := model.Path("authorizers", len(a.Authorizers))
			// !Ref of an authorizer is its id: what a method's AuthorizerId
			// gives.
			au := model.APIGatewayAuthorizer{ID: c.res.id}
			au.Name = c.str("Name", base+".name", "")
			au.Type = c.str("Type", base+".type", "")
			c.locate("", base)
			a.Authorizers = append(a.Authorizers, au)
		}
	})
	child("AWS::ApiGateway::Method", func(c *builder) {
		for _, p := range c.parentsOf("RestApiId", "AWS::ApiGateway::RestApi") {
			c.onto(p)
			a := model.KindAPIGatewayRestAPI.Must(c.target)
			if c.target.IsUnknown("methods") {
				continue
			}
			base := model.Path("methods", len(a.Methods))
			m := model.APIGatewayMethod{
				HTTPMethod: strings.ToUpper(c.str("HttpMethod", base+".http_method", "")),
				// AuthorizationType is optional: without it, the method
				// is created with authorization NONE.
				AuthorizationType: strings.ToUpper(c.str("AuthorizationType", base+".authorization_type", "NONE")),
				AuthorizerID:      c.str("AuthorizerId", base+".authorizer_id", ""),
				APIKeyRequired:    c.boolean("ApiKeyRequired", base+".api_key_required", false),
			}
			if !c.has("HttpMethod") {
				c.target.MarkUnknown(base + ".http_method")
			}
			var ok bool
			if m.Path, ok = restResourcePath(c, "ResourceId", 0); !ok {
				c.target.MarkUnknown(base + ".path")
			}
			c.locate("ResourceId", base+".path")
			c.locate("", base)
			a.Methods = append(a.Methods, m)
		}
	})
}

// firstSet is the first of the properties that is set.
func firstSet(b *builder, props ...string) string {
	for _, p := range props {
		if b.has(p) {
			return p
		}
	}
	return ""
}

// restResourcePath is the path of the resource b's property p names: /
// for an API's RootResourceId, else the parent's path and the resource's
// PathPart; false when the template does not say.
func restResourcePath(b *builder, p string, depth int) (string, bool) {
	v, ok := b.get(p)
	if !ok || isUnknown(v) || depth > 64 {
		return "", false
	}
	s, _ := scalarString(v)
	r, ok := b.t.other(s)
	if !ok {
		return "", false
	}
	switch r.typ {
	case "AWS::ApiGateway::RestApi":
		if strings.HasSuffix(s, ".RootResourceId") {
			return "/", true
		}
	case "AWS::ApiGateway::Resource":
		rb := b.reader(r)
		parent, ok := restResourcePath(rb, "ParentId", depth+1)
		part, known := rb.get("PathPart")
		ps, _ := scalarString(part)
		if ok && known && !isUnknown(part) && ps != "" {
			return strings.TrimSuffix(parent, "/") + "/" + ps, true
		}
	}
	return "", false
}
