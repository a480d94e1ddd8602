package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/appsync"
	appsynctypes "github.com/aws/aws-sdk-go-v2/service/appsync/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedAppSync creates an API reached with an API key alone and no
// logging, and one with IAM and an API key, logging all fields.
func seedAppSync(t *testing.T, srv *moto.Server) {
	t.Helper()
	client := appsync.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	must(client.CreateGraphqlApi(ctx, &appsync.CreateGraphqlApiInput{Name: aws.String("open"), AuthenticationType: appsynctypes.AuthenticationTypeApiKey,
		Tags: map[string]string{"team": "open"}}))
	must(client.CreateGraphqlApi(ctx, &appsync.CreateGraphqlApiInput{Name: aws.String("closed"), AuthenticationType: appsynctypes.AuthenticationTypeAwsIam,
		AdditionalAuthenticationProviders: []appsynctypes.AdditionalAuthenticationProvider{{AuthenticationType: appsynctypes.AuthenticationTypeApiKey}},
		LogConfig:                         &appsynctypes.LogConfig{FieldLogLevel: appsynctypes.FieldLogLevelAll, CloudWatchLogsRoleArn: aws.String("arn:aws:iam::123456789012:role/appsync-logs")}}))
}

func TestAppSyncAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedAppSync(t, srv)
	res := collectMoto(t, srv, []string{"appsync"})
	noErrors(t, res)

	apis := byKind(res, "aws.appsync.graphql_api")
	if len(apis) != 2 {
		t.Fatalf("apis: %v", apis)
	}
	if o := apis["open"]; o.Tags["team"] != "open" {
		t.Errorf("open: tags %v", o.Tags)
	}
	if a := apis["open"].Attributes.(*model.AppSyncGraphQLAPI); len(a.AuthenticationTypes) != 1 || a.FieldLogLevel != "NONE" || a.WAFWebACL != "" {
		t.Errorf("open: %+v", a)
	}
	if a := apis["closed"].Attributes.(*model.AppSyncGraphQLAPI); len(a.AuthenticationTypes) != 2 || a.FieldLogLevel != "ALL" {
		t.Errorf("closed: %+v", a)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-APPSYNC-001", "AWS-APPSYNC-002"} {
		if !fails["open"][id] || fails["closed"][id] {
			t.Errorf("%s: open %v, closed %v", id, fails["open"], fails["closed"])
		}
	}
	// Neither has a web ACL (moto keeps no WAF association for AppSync).
	if !fails["open"]["AWS-APPSYNC-003"] || !fails["closed"]["AWS-APPSYNC-003"] {
		t.Errorf("AWS-APPSYNC-003: open %v, closed %v", fails["open"], fails["closed"])
	}
}
