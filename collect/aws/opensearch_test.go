package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/opensearch"
	ostypes "github.com/aws/aws-sdk-go-v2/service/opensearch/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestOpenSearchAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := opensearch.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"es:*","Resource":"*"}]}`
	for _, in := range []*opensearch.CreateDomainInput{
		{DomainName: aws.String("loose"), TagList: []ostypes.Tag{{Key: aws.String("team"), Value: aws.String("search")}}},
		{DomainName: aws.String("tight"), AccessPolicies: aws.String(policy),
			EncryptionAtRestOptions:     &ostypes.EncryptionAtRestOptions{Enabled: aws.Bool(true)},
			NodeToNodeEncryptionOptions: &ostypes.NodeToNodeEncryptionOptions{Enabled: aws.Bool(true)},
			DomainEndpointOptions: &ostypes.DomainEndpointOptions{EnforceHTTPS: aws.Bool(true),
				TLSSecurityPolicy: ostypes.TLSSecurityPolicyPolicyMinTls12201907},
			AdvancedSecurityOptions: &ostypes.AdvancedSecurityOptionsInput{Enabled: aws.Bool(true),
				MasterUserOptions: &ostypes.MasterUserOptions{MasterUserARN: aws.String("arn:aws:iam::123456789012:role/search-admin")}},
			LogPublishingOptions: map[string]ostypes.LogPublishingOption{
				string(ostypes.LogTypeAuditLogs): {Enabled: aws.Bool(true),
					CloudWatchLogsLogGroupArn: aws.String("arn:aws:logs:us-east-1:123456789012:log-group:/aws/opensearch/tight/audit")},
				string(ostypes.LogTypeEsApplicationLogs): {Enabled: aws.Bool(true),
					CloudWatchLogsLogGroupArn: aws.String("arn:aws:logs:us-east-1:123456789012:log-group:/aws/opensearch/tight/error")},
			}},
	} {
		if _, err := client.CreateDomain(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	res := collectMoto(t, srv, []string{"opensearch"})
	noErrors(t, res)
	domains := byKind(res, "aws.opensearch.domain")
	if len(domains) != 2 {
		t.Fatalf("want 2 domains, got %d", len(domains))
	}
	loose, tight := domains["loose"], domains["tight"]
	if a := loose.Attributes.(*model.OpenSearchDomain); a.EncryptAtRest || a.NodeToNode || a.EnforceHTTPS || a.VPCConfigured ||
		a.AccessPolicy != nil || loose.ID != "arn:aws:es:us-east-1:123456789012:domain/loose" || loose.Tags["team"] != "search" {
		t.Errorf("loose: %+v %+v", loose, a)
	}
	if a := tight.Attributes.(*model.OpenSearchDomain); !a.EncryptAtRest || !a.NodeToNode || !a.EnforceHTTPS ||
		a.TLSSecurityPolicy != "Policy-Min-TLS-1-2-2019-07" || a.AccessPolicy == nil || len(a.AccessPolicy.Statements) != 1 ||
		!a.FineGrainedAccess || !a.AuditLogs || !a.ErrorLogs {
		t.Errorf("tight: %+v", a)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-OPENSEARCH-001", "AWS-OPENSEARCH-002", "AWS-OPENSEARCH-003", "AWS-OPENSEARCH-021", "AWS-OPENSEARCH-022", "AWS-OPENSEARCH-023"} {
		if !fails["loose"][id] || fails["tight"][id] {
			t.Errorf("%s: %v", id, fails)
		}
	}
}
