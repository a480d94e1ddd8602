package aws

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/opensearch"
	ostypes "github.com/aws/aws-sdk-go-v2/service/opensearch/types"

	"github.com/vigil-sec/vigil/model"
)

func TestOpenSearchOperations(t *testing.T) {
	w := fragmentWorld(t, "opensearch")
	ow := w.Account(fragmentAccount).worldOf("opensearch", "eu-west-1").(*opensearchWorld)
	cfg, _ := testCloud(t, w)
	client := opensearch.NewFromConfig(cfg, func(o *opensearch.Options) { o.Region = "eu-west-1" })
	ctx := context.Background()

	names, err := client.ListDomainNames(ctx, &opensearch.ListDomainNamesInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "ListDomainNames", names.DomainNames, []ostypes.DomainInfo{
		{DomainName: aws.String("legacy-logs"), EngineType: ostypes.EngineTypeElasticsearch},
		{DomainName: aws.String("orders-search"), EngineType: ostypes.EngineTypeOpenSearch}})
	only, err := client.ListDomainNames(ctx, &opensearch.ListDomainNamesInput{EngineType: ostypes.EngineTypeOpenSearch})
	if err != nil || len(only.DomainNames) != 1 || *only.DomainNames[0].DomainName != "orders-search" {
		t.Errorf("ListDomainNames OpenSearch: %v %+v", err, only)
	}

	// A name no domain has is left out, as DescribeDomains does.
	desc, err := client.DescribeDomains(ctx, &opensearch.DescribeDomainsInput{DomainNames: []string{"orders-search", "gone", "legacy-logs"}})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeDomains", desc.DomainStatusList, []ostypes.DomainStatus{ow.Domains[1].DomainStatus, ow.Domains[0].DomainStatus})
	_, err = client.DescribeDomains(ctx, &opensearch.DescribeDomainsInput{DomainNames: []string{"a", "b", "c", "d", "e", "f"}})
	if code := apiCode(err); code != "ValidationException" {
		t.Errorf("six names: %q", code)
	}

	for _, d := range ow.Domains {
		tags, err := client.ListTags(ctx, &opensearch.ListTagsInput{ARN: d.ARN})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "ListTags "+*d.DomainName, tags.TagList, d.Tags)
	}
	_, err = client.ListTags(ctx, &opensearch.ListTagsInput{ARN: aws.String("arn:aws:es:eu-west-1:111111111111:domain/gone")})
	if code := apiCode(err); code != "ResourceNotFoundException" {
		t.Errorf("tags of a missing domain: %q", code)
	}
}

// The collector asks DescribeDomains for five names at a time; domains
// without an ARN or id in the world get theirs.
func TestOpenSearchDescribeInBatches(t *testing.T) {
	w := fragmentWorld(t, "opensearch")
	big := &opensearchWorld{}
	for i := range 12 {
		big.Domains = append(big.Domains, opensearchDomain{DomainStatus: ostypes.DomainStatus{
			DomainName: aws.String(fmt.Sprintf("d-%02d", i)), EngineVersion: aws.String("OpenSearch_2.13"),
			ClusterConfig: &ostypes.ClusterConfig{InstanceType: ostypes.OpenSearchPartitionInstanceTypeT3SmallSearch}}})
	}
	w.Account(fragmentAccount).Set("us-east-1", "opensearch", big)
	res, srv := collect(t, w, "opensearch")
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	ds := byKind(res.Resources)["aws.opensearch.domain"]
	if len(ds) != 14 || ds["d-11"] == nil || ds["d-11"].ID != "arn:aws:es:us-east-1:111111111111:domain/d-11" {
		t.Errorf("%d domains", len(ds))
	}
	if n := srv.Stats().Operations["opensearch:DescribeDomains"]; n != 4 {
		t.Errorf("DescribeDomains calls: %d, want 3 in us-east-1 and 1 in eu-west-1", n)
	}
}

// The collector reads the legacy domain's missing node-to-node
// encryption and open policy, and the good domain's protections.
func TestOpenSearchCollect(t *testing.T) {
	res, srv := collect(t, fragmentWorld(t, "opensearch"), "opensearch")
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	if st := srv.Stats(); len(st.Unhandled) > 0 {
		t.Errorf("unhandled: %v", st.Unhandled)
	}
	ds := byKind(res.Resources)["aws.opensearch.domain"]
	legacy, orders := ds["legacy-logs"], ds["orders-search"]
	if legacy == nil || orders == nil {
		t.Fatalf("domains: %v", ds)
	}
	a := legacy.Attributes.(*model.OpenSearchDomain)
	if a.NodeToNode || a.EncryptAtRest || a.EnforceHTTPS || a.VPCConfigured || a.TLSSecurityPolicy != "Policy-Min-TLS-1-0-2019-07" ||
		a.AccessPolicy == nil || len(a.AccessPolicy.Statements) != 1 || legacy.Tags["team"] != "platform" || a.FineGrainedAccess || a.AuditLogs || a.ErrorLogs ||
		legacy.ID != "arn:aws:es:eu-west-1:111111111111:domain/legacy-logs" {
		t.Errorf("legacy-logs: %+v %+v", legacy, a)
	}
	b := orders.Attributes.(*model.OpenSearchDomain)
	if !b.NodeToNode || !b.EncryptAtRest || !b.EnforceHTTPS || !b.VPCConfigured || b.TLSSecurityPolicy != "Policy-Min-TLS-1-2-PFS-2023-10" ||
		orders.Tags["env"] != "prod" || !b.FineGrainedAccess || !b.AuditLogs || !b.ErrorLogs {
		t.Errorf("orders-search: %+v", b)
	}
}
