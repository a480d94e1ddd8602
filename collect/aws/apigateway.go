package aws

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	apigwtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("apigateway", false, collectAPIGateway) }

// collectAPIGateway reads every REST API into aws.apigateway.rest_api,
// with its methods (GetResources embedding them) and authorizers
// (GetAuthorizers), and every stage of it (access logging, X-Ray
// tracing, cache encryption, WAF web ACL) into aws.apigateway.stage.
func collectAPIGateway(ctx context.Context, s *scope) {
	client := apigateway.NewFromConfig(s.Config())
	p := apigateway.NewGetRestApisPaginator(client, &apigateway.GetRestApisInput{})
	var apis []apigwtypes.RestApi
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("GetRestApis", err)
			return
		}
		apis = append(apis, page.Items...)
	}
	forEach(s, apis, func(api apigwtypes.RestApi) {
		apiID := aws.ToString(api.Id)
		collectRestAPI(ctx, s, client, api)
		stages, err := client.GetStages(ctx, &apigateway.GetStagesInput{RestApiId: api.Id})
		if err != nil {
			s.failResource("GetStages", fmt.Sprintf("arn:%s:apigateway:%s::/restapis/%s", svcPartition(s.region), s.region, apiID), err)
			return
		}
		for _, st := range stages.Item {
			name := aws.ToString(st.StageName)
			a := &model.APIGatewayStage{
				Name:              name,
				AccessLogsEnabled: st.AccessLogSettings != nil && aws.ToString(st.AccessLogSettings.DestinationArn) != "",
				XRayTracing:       st.TracingEnabled,
				WAFWebACL:         aws.ToString(st.WebAclArn),
				API:               "rest",
				CacheEnabled:      st.CacheClusterEnabled,
				ClientCertificate: aws.ToString(st.ClientCertificateId),
			}
			// Cache data is encrypted when method settings exist and every
			// one of them encrypts it (usually the single */* entry).
			a.CacheEncrypted = len(st.MethodSettings) > 0
			for _, ms := range st.MethodSettings {
				a.CacheEncrypted = a.CacheEncrypted && ms.CacheDataEncrypted
			}
			a.ExecutionLoggingLevel, a.ExecutionLoggingOffMethods = "OFF", []string{}
			for path, ms := range st.MethodSettings {
				level := cmp.Or(aws.ToString(ms.LoggingLevel), "OFF")
				if path == "*/*" {
					a.ExecutionLoggingLevel = level
				} else if level == "OFF" {
					a.ExecutionLoggingOffMethods = append(a.ExecutionLoggingOffMethods, path)
				}
			}
			sort.Strings(a.ExecutionLoggingOffMethods)
			var rels []model.Relation
			if a.WAFWebACL != "" {
				rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: a.WAFWebACL})
			}
			if st.AccessLogSettings != nil && aws.ToString(st.AccessLogSettings.DestinationArn) != "" {
				rels = append(rels, model.Relation{Type: model.RelLogsTo, Target: aws.ToString(st.AccessLogSettings.DestinationArn)})
			}
			arn := fmt.Sprintf("arn:%s:apigateway:%s::/restapis/%s/stages/%s", svcPartition(s.region), s.region, apiID, name)
			tags := st.Tags
			if len(tags) == 0 {
				tags = nil
			}
			s.add(arn, model.KindAPIGatewayStage.With(a), name, st, tags, rels...)
		}
	})
}

// collectRestAPI reads one REST API's methods and authorizers.
func collectRestAPI(ctx context.Context, s *scope, client *apigateway.Client, api apigwtypes.RestApi) {
	apiARN := fmt.Sprintf("arn:%s:apigateway:%s::/restapis/%s", svcPartition(s.region), s.region, aws.ToString(api.Id))
	a := &model.APIGatewayRestAPI{EndpointTypes: []string{}, Methods: []model.APIGatewayMethod{}, Authorizers: []model.APIGatewayAuthorizer{}}
	if api.EndpointConfiguration != nil {
		for _, t := range api.EndpointConfiguration.Types {
			a.EndpointTypes = append(a.EndpointTypes, string(t))
		}
	}
	raw := map[string]any{"RestApi": api}
	rd := s.reads(apiARN)
	if text := aws.ToString(api.Policy); text != "" {
		var err error
		if a.Policy, err = restAPIPolicy(text); err != nil {
			rd.unread("policy")
		}
	}
	rd.call("GetResources", []string{"methods"}, func() error {
		var resources []apigwtypes.Resource
		p := apigateway.NewGetResourcesPaginator(client, &apigateway.GetResourcesInput{RestApiId: api.Id, Embed: []string{"methods"}, Limit: aws.Int32(500)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if awsCodeIn(err, "NotFoundException") {
				return nil // deleted since it was listed
			}
			if err != nil {
				return err
			}
			resources = append(resources, page.Items...)
		}
		raw["Resources"] = resources
		for _, r := range resources {
			for verb, m := range r.ResourceMethods {
				a.Methods = append(a.Methods, model.APIGatewayMethod{
					Path:              aws.ToString(r.Path),
					HTTPMethod:        cmp.Or(aws.ToString(m.HttpMethod), verb),
					AuthorizationType: aws.ToString(m.AuthorizationType),
					AuthorizerID:      aws.ToString(m.AuthorizerId),
					APIKeyRequired:    aws.ToBool(m.ApiKeyRequired),
				})
			}
		}
		sortMethods(a.Methods)
		return nil
	})
	rd.call("GetAuthorizers", []string{"authorizers"}, func() error {
		for in := (&apigateway.GetAuthorizersInput{RestApiId: api.Id, Limit: aws.Int32(500)}); ; {
			out, err := client.GetAuthorizers(ctx, in)
			if awsCodeIn(err, "NotFoundException") {
				return nil
			}
			if err != nil {
				return err
			}
			for _, au := range out.Items {
				a.Authorizers = append(a.Authorizers, model.APIGatewayAuthorizer{ID: aws.ToString(au.Id), Name: aws.ToString(au.Name), Type: string(au.Type)})
			}
			if aws.ToString(out.Position) == "" {
				break
			}
			in.Position = out.Position
		}
		raw["Authorizers"] = a.Authorizers
		return nil
	})
	tags := api.Tags
	if len(tags) == 0 {
		tags = nil
	}
	rd.add(model.KindAPIGatewayRestAPI.With(a), aws.ToString(api.Name), raw, tags)
}

// sortMethods orders methods by path, then HTTP method.
func sortMethods(ms []model.APIGatewayMethod) {
	sort.Slice(ms, func(i, j int) bool {
		return cmp.Or(cmp.Compare(ms[i].Path, ms[j].Path), cmp.Compare(ms[i].HTTPMethod, ms[j].HTTPMethod)) < 0
	})
}

// restAPIPolicy parses a REST API's resource policy. API Gateway answers
// it JSON-escaped once more ({\"Version\":...}, with \/ in ARNs and CIDR
// blocks): unescaped as the JSON string it is when it does not parse as is.
func restAPIPolicy(text string) (*model.PolicyDocument, error) {
	doc, err := model.ParsePolicyDocument(text)
	if err == nil {
		return doc, nil
	}
	var unescaped string
	if json.Unmarshal([]byte(`"`+text+`"`), &unescaped) != nil {
		return nil, err
	}
	return model.ParsePolicyDocument(unescaped)
}
