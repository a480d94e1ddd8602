package aws

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	agv2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("apigatewayv2", false, collectAPIGatewayV2) }

// collectAPIGatewayV2 reads every HTTP and WebSocket API (GetApis) into
// aws.apigatewayv2.api, with the custom domain names mapped to it
// (GetDomainNames, GetApiMappings of each: one read for every API of the
// region) and its routes' authorization (GetRoutes), and its stages
// (GetStages) into aws.apigateway.stage with api "v2", as the IaC adapters
// map aws_apigatewayv2_stage.
func collectAPIGatewayV2(ctx context.Context, s *scope) {
	client := apigatewayv2.NewFromConfig(s.Config())
	var apis []agv2types.Api
	for in := (&apigatewayv2.GetApisInput{}); ; {
		out, err := client.GetApis(ctx, in)
		if err != nil {
			s.fail("GetApis", err)
			return
		}
		apis = append(apis, out.Items...)
		if aws.ToString(out.NextToken) == "" {
			break
		}
		in.NextToken = out.NextToken
	}
	domains := map[string][]string{} // API id -> custom domain names
	s.readKind("GetApiMappings", kindFills{model.KindAPIGatewayV2API.Name(): {"custom_domain_names"}}, func() error {
		var names []string
		for in := (&apigatewayv2.GetDomainNamesInput{}); ; {
			out, err := client.GetDomainNames(ctx, in)
			if err != nil {
				return err
			}
			for _, d := range out.Items {
				names = append(names, aws.ToString(d.DomainName))
			}
			if aws.ToString(out.NextToken) == "" {
				break
			}
			in.NextToken = out.NextToken
		}
		for _, name := range names {
			for in := (&apigatewayv2.GetApiMappingsInput{DomainName: aws.String(name)}); ; {
				out, err := client.GetApiMappings(ctx, in)
				if awsCodeIn(err, "NotFoundException") {
					break // deleted since it was listed
				}
				if err != nil {
					return err
				}
				for _, m := range out.Items {
					id := aws.ToString(m.ApiId)
					if !slices.Contains(domains[id], name) {
						domains[id] = append(domains[id], name)
					}
				}
				if aws.ToString(out.NextToken) == "" {
					break
				}
				in.NextToken = out.NextToken
			}
		}
		return nil
	})
	forEach(s, apis, func(api agv2types.Api) {
		apiID := aws.ToString(api.ApiId)
		apiARN := fmt.Sprintf("arn:%s:apigateway:%s::/apis/%s", svcPartition(s.region), s.region, apiID)
		a := &model.APIGatewayV2API{
			ProtocolType:              string(api.ProtocolType),
			DisableExecuteAPIEndpoint: aws.ToBool(api.DisableExecuteApiEndpoint),
			CustomDomainNames:         append([]string{}, domains[apiID]...),
			UnauthorizedRoutes:        []string{},
		}
		sort.Strings(a.CustomDomainNames)
		raw := map[string]any{"Api": api}
		rd := s.reads(apiARN)
		rd.call("GetRoutes", []string{"unauthorized_routes"}, func() error {
			var routes []agv2types.Route
			for in := (&apigatewayv2.GetRoutesInput{ApiId: api.ApiId}); ; {
				out, err := client.GetRoutes(ctx, in)
				if awsCodeIn(err, "NotFoundException") {
					return nil
				}
				if err != nil {
					return err
				}
				routes = append(routes, out.Items...)
				if aws.ToString(out.NextToken) == "" {
					break
				}
				in.NextToken = out.NextToken
			}
			raw["Routes"] = routes
			for _, r := range routes {
				key := aws.ToString(r.RouteKey)
				// A WebSocket API authorizes the connection: only $connect
				// takes an authorizer, the other routes are always NONE.
				if api.ProtocolType == agv2types.ProtocolTypeWebsocket && key != "$connect" {
					continue
				}
				if r.AuthorizationType == "" || r.AuthorizationType == agv2types.AuthorizationTypeNone {
					a.UnauthorizedRoutes = append(a.UnauthorizedRoutes, key)
				}
			}
			sort.Strings(a.UnauthorizedRoutes)
			return nil
		})
		tags := api.Tags
		if len(tags) == 0 {
			tags = nil
		}
		rd.add(model.KindAPIGatewayV2API.With(a), aws.ToString(api.Name), raw, tags)

		var stages []agv2types.Stage
		for in := (&apigatewayv2.GetStagesInput{ApiId: api.ApiId}); ; {
			out, err := client.GetStages(ctx, in)
			if err != nil {
				s.failResource("GetStages", apiARN, err)
				return
			}
			stages = append(stages, out.Items...)
			if aws.ToString(out.NextToken) == "" {
				break
			}
			in.NextToken = out.NextToken
		}
		for _, st := range stages {
			name := aws.ToString(st.StageName)
			dest := ""
			if st.AccessLogSettings != nil {
				dest = aws.ToString(st.AccessLogSettings.DestinationArn)
			}
			sa := &model.APIGatewayStage{Name: name, AccessLogsEnabled: dest != "", API: "v2", ExecutionLoggingOffMethods: []string{}}
			var rels []model.Relation
			if dest != "" {
				rels = append(rels, model.Relation{Type: model.RelLogsTo, Target: dest})
			}
			stags := st.Tags
			if len(stags) == 0 {
				stags = nil
			}
			s.add(apiARN+"/stages/"+name, model.KindAPIGatewayStage.With(sa), name, st, stags, rels...)
		}
	})
}
