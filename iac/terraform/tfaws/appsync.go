package tfaws

import "github.com/vigil-sec/vigil/model"

// AWS AppSync: aws_appsync_graphql_api, joined by its web ACL association,
// becomes aws.appsync.graphql_api.
func init() {
	registerParent("aws_appsync_graphql_api", model.KindAppSyncGraphQLAPI, func(b *Builder) {
		a := model.KindAppSyncGraphQLAPI.Must(b.R)
		b.NameFrom("name")
		a.AuthenticationTypes = []string{b.String("authentication_type", "authentication_types", "")}
		for i := range b.Blocks("additional_authentication_provider") {
			a.AuthenticationTypes = append(a.AuthenticationTypes,
				b.String(model.Path("additional_authentication_provider", i)+".authentication_type", "authentication_types", ""))
		}
		// Without a log_config block nothing is logged.
		a.FieldLogLevel = b.String("log_config[0].field_log_level", "field_log_level", "NONE")
	})
	registerChild("aws_wafv2_web_acl_association", "resource_arn", []string{"aws_appsync_graphql_api"}, func(p *Builder, c *Child) {
		a := model.KindAppSyncGraphQLAPI.Must(p.R)
		a.WAFWebACL = refOrString(c, "web_acl_arn", "waf_web_acl")
	})
}
