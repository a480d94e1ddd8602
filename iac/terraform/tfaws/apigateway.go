package tfaws

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
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

// REST APIs: aws_api_gateway_rest_api becomes aws.apigateway.rest_api,
// joined (finishRestAPIs) by its methods (aws_api_gateway_method, each
// at the path its aws_api_gateway_resource chain gives) and authorizers
// (aws_api_gateway_authorizer).
func init() {
	registerParent("aws_api_gateway_rest_api", model.KindAPIGatewayRestAPI, func(b *Builder) {
		a := model.KindAPIGatewayRestAPI.Must(b.R)
		b.NameFrom("name")
		a.Methods, a.Authorizers = []model.APIGatewayMethod{}, []model.APIGatewayAuthorizer{}
		// Without endpoint_configuration, an API is edge-optimized.
		a.EndpointTypes = []string{"EDGE"}
		if b.HasBlock("endpoint_configuration") {
			a.EndpointTypes = b.Strings("endpoint_configuration[0].types", "endpoint_types")
		}
		a.Policy = b.Policy("policy", "policy")
		if b.Has("body") {
			// An OpenAPI definition declares the methods and authorizers
			// (and may declare the endpoint type and the resource policy):
			// not read here.
			if !b.Has("policy") {
				b.R.MarkUnknown("policy")
			}
			b.locate("body", "methods")
			b.R.MarkUnknown("methods")
			b.R.MarkUnknown("authorizers")
			if !b.HasBlock("endpoint_configuration") {
				b.R.MarkUnknown("endpoint_types")
			}
		}
	})
	registerChild("aws_api_gateway_rest_api_policy", "rest_api_id", []string{"aws_api_gateway_rest_api"}, func(p *Builder, c *Child) {
		r := p.R
		r.Unknown = slices.DeleteFunc(r.Unknown, func(u string) bool { return u == "policy" })
		model.KindAPIGatewayRestAPI.Must(r).Policy = c.Policy("policy", "policy")
	})
	for _, t := range []string{"aws_api_gateway_resource", "aws_api_gateway_method", "aws_api_gateway_authorizer"} {
		registerHelper(t, func(b *Builder) { b.drop = true })
	}
	finishers = append(finishers, finishRestAPIs)
}

// finishRestAPIs joins methods and authorizers into the REST API their
// rest_api_id names; one whose API is not in the configuration is judged
// where that API is.
func finishRestAPIs(all []*Builder) {
	idx := indexAddresses(all)
	var apis []*Builder
	for _, b := range all {
		if b.In.Type == "aws_api_gateway_rest_api" {
			apis = append(apis, b)
		}
	}
	apiOf := func(b *Builder) *Builder {
		if ps := idx.refs(b, "rest_api_id", "aws_api_gateway_rest_api"); len(ps) > 0 {
			return ps[0]
		}
		v, _ := b.In.Values["rest_api_id"].(string)
		if p := placeholderOf(apis, v, "aws_api_gateway_rest_api"); p != nil {
			return p
		}
		for _, p := range apis {
			if id, _ := p.In.Values["id"].(string); id != "" && id == v && p.In.Module == b.In.Module {
				return p
			}
		}
		return nil
	}
	type method struct {
		m       model.APIGatewayMethod
		b       *Builder
		unknown []string // the model fields the configuration leaves unknown
	}
	methods := map[*Builder][]method{}
	for _, b := range all {
		api := apiOf(b)
		if api == nil {
			continue
		}
		a := model.KindAPIGatewayRestAPI.Must(api.R)
		switch b.In.Type {
		case "aws_api_gateway_authorizer":
			api.R.Ignores = append(api.R.Ignores, b.In.Ignores...)
			if api.R.IsUnknown("authorizers") {
				continue
			}
			au := model.APIGatewayAuthorizer{ID: b.In.Address + ".id"}
			b.target = api.R
			base := model.Path("authorizers", len(a.Authorizers))
			au.Name = b.String("name", base+".name", "")
			au.Type = b.String("type", base+".type", "TOKEN")
			b.locate("", base)
			a.Authorizers = append(a.Authorizers, au)
		case "aws_api_gateway_method":
			api.R.Ignores = append(api.R.Ignores, b.In.Ignores...)
			if api.R.IsUnknown("methods") {
				continue
			}
			m := method{b: b}
			// http_method and authorization are required: absent, they are
			// not known.
			read := func(attr, field string, required bool) (any, bool) {
				v, ok := b.Lookup(attr)
				if ok && instance.IsUnknown(v) || !ok && required {
					m.unknown = append(m.unknown, field)
					return nil, false
				}
				return v, ok
			}
			v, ok := read("http_method", "http_method", true)
			m.m.HTTPMethod = strings.ToUpper(asString(v, ok, ""))
			v, ok = read("authorization", "authorization_type", true)
			m.m.AuthorizationType = strings.ToUpper(asString(v, ok, ""))
			v, ok = read("authorizer_id", "authorizer_id", false)
			m.m.AuthorizerID = asString(v, ok, "")
			v, ok = read("api_key_required", "api_key_required", false)
			m.m.APIKeyRequired = asBool(v, ok, false)
			path, ok := restResourcePath(idx, b, "resource_id", 0)
			if !ok {
				m.unknown = append(m.unknown, "path")
			}
			m.m.Path = path
			methods[api] = append(methods[api], m)
		}
	}
	for api, ms := range methods {
		a := model.KindAPIGatewayRestAPI.Must(api.R)
		sort.SliceStable(ms, func(i, j int) bool {
			return cmp.Or(cmp.Compare(ms[i].m.Path, ms[j].m.Path), cmp.Compare(ms[i].m.HTTPMethod, ms[j].m.HTTPMethod)) < 0
		})
		for _, m := range ms {
			base := model.Path("methods", len(a.Methods))
			a.Methods = append(a.Methods, m.m)
			m.b.locateOn(api.R, "", base)
			for tf, f := range map[string]string{"http_method": "http_method", "authorization": "authorization_type", "authorizer_id": "authorizer_id", "api_key_required": "api_key_required", "resource_id": "path"} {
				m.b.locateOn(api.R, tf, base+"."+f)
			}
			for _, f := range m.unknown {
				api.R.MarkUnknown(base + "." + f)
			}
		}
	}
}

// restResourcePath is the path of the resource b's attribute attr
// names: / for the API's root_resource_id, else the parent's path and
// the resource's path_part; false when the configuration does not say.
func restResourcePath(idx addrIndex, b *Builder, attr string, depth int) (string, bool) {
	if depth > 64 {
		return "", false
	}
	if len(idx.refs(b, attr, "aws_api_gateway_rest_api")) > 0 {
		return "/", true
	}
	rs := idx.refs(b, attr, "aws_api_gateway_resource")
	if len(rs) == 0 {
		return "", false
	}
	parent, ok := restResourcePath(idx, rs[0], "parent_id", depth+1)
	part, known := rs[0].In.Values["path_part"].(string)
	if !ok || !known || part == "" {
		return "", false
	}
	return strings.TrimSuffix(parent, "/") + "/" + part, true
}
