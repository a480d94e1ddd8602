package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/appsync"
	appsynctypes "github.com/aws/aws-sdk-go-v2/service/appsync/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("appsync", false, collectAppSync) }

// ListGraphqlApis answers at most 25 APIs a page.
const appsyncPageSize = 25

// collectAppSync reads every GraphQL API (ListGraphqlApis, which answers
// each API's authorization modes, logging, web ACL and tags: there is no
// per-API read) into aws.appsync.graphql_api.
func collectAppSync(ctx context.Context, s *scope) {
	client := appsync.NewFromConfig(s.Config())
	for in := (&appsync.ListGraphqlApisInput{MaxResults: appsyncPageSize}); ; {
		out, err := client.ListGraphqlApis(ctx, in)
		if err != nil {
			s.fail("ListGraphqlApis", err)
			return
		}
		for _, api := range out.GraphqlApis {
			addGraphQLAPI(s, api)
		}
		if aws.ToString(out.NextToken) == "" {
			break
		}
		in.NextToken = out.NextToken
	}
}

func addGraphQLAPI(s *scope, api appsynctypes.GraphqlApi) {
	a := &model.AppSyncGraphQLAPI{
		AuthenticationTypes: []string{string(api.AuthenticationType)},
		FieldLogLevel:       "NONE",
		WAFWebACL:           aws.ToString(api.WafWebAclArn),
	}
	for _, p := range api.AdditionalAuthenticationProviders {
		a.AuthenticationTypes = append(a.AuthenticationTypes, string(p.AuthenticationType))
	}
	if l := api.LogConfig; l != nil && l.FieldLogLevel != "" {
		a.FieldLogLevel = string(l.FieldLogLevel)
	}
	var rels []model.Relation
	if a.WAFWebACL != "" {
		rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: a.WAFWebACL})
	}
	tags := api.Tags
	if len(tags) == 0 {
		tags = nil
	}
	s.add(aws.ToString(api.Arn), model.KindAppSyncGraphQLAPI.With(a), aws.ToString(api.Name), api, tags, rels...)
}
