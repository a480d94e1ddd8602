package cloudformation

import "github.com/vigil-sec/vigil/model"

// AWS AppSync: AWS::AppSync::GraphQLApi becomes aws.appsync.graphql_api;
// its web ACL association joins it in wafv2.go.
func init() {
	parent("AWS::AppSync::GraphQLApi", model.KindAppSyncGraphQLAPI, func(b *builder) {
		a := model.KindAppSyncGraphQLAPI.Must(b.target)
		if n := b.str("Name", "", ""); n != "" {
			b.r.Name = n
		}
		a.AuthenticationTypes = []string{b.str("AuthenticationType", "authentication_types", "")}
		n := b.count("AdditionalAuthenticationProviders", "authentication_types")
		for i := 0; i < n; i++ {
			a.AuthenticationTypes = append(a.AuthenticationTypes,
				b.str(model.Path("AdditionalAuthenticationProviders", i, "AuthenticationType"), "authentication_types", ""))
		}
		// Without a LogConfig nothing is logged.
		a.FieldLogLevel = b.str("LogConfig.FieldLogLevel", "field_log_level", "NONE")
	})
}
