package aws

import (
	"cmp"
	"context"
	"fmt"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	apigwtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("apigateway", false, collectAPIGateway) }

// collectAPIGateway reads every stage of every REST API (access logging,
// X-Ray tracing, cache encryption, WAF web ACL) into aws.apigateway.stage.
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
