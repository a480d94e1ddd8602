package aws

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/accessanalyzer"
	aatypes "github.com/aws/aws-sdk-go-v2/service/accessanalyzer/types"

	"github.com/vigil-sec/vigil/model"
)

// ListAnalyzers and GetAnalyzer round-trip the world, date-time members
// included; the type filter applies; an unknown analyzer is not found.
func TestAccessAnalyzerRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "accessanalyzer")
	world := w.Account(fragmentAccount).worldOf("accessanalyzer", "us-east-1").(*accessAnalyzerWorld).Analyzers
	cfg, _ := testCloud(t, w)
	client := accessanalyzer.NewFromConfig(cfg)
	ctx := context.Background()

	list, err := client.ListAnalyzers(ctx, &accessanalyzer.ListAnalyzersInput{})
	if err != nil {
		t.Fatal(err)
	}
	want := append([]aatypes.AnalyzerSummary(nil), world...)
	want[1].Arn = aws.String("arn:aws:access-analyzer:us-east-1:111111111111:analyzer/unused-access-90d")
	sameJSON(t, "ListAnalyzers", list.Analyzers, want)
	if list.Analyzers[0].LastResourceAnalyzedAt.Nanosecond() != 512_000_000 {
		t.Errorf("fractional seconds lost: %v", list.Analyzers[0].LastResourceAnalyzedAt)
	}

	external, err := client.ListAnalyzers(ctx, &accessanalyzer.ListAnalyzersInput{Type: aatypes.TypeAccount})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "ListAnalyzers(ACCOUNT)", external.Analyzers, want[:1])

	one, err := client.GetAnalyzer(ctx, &accessanalyzer.GetAnalyzerInput{AnalyzerName: want[1].Name})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "GetAnalyzer", one.Analyzer, want[1])
	var gone *aatypes.ResourceNotFoundException
	if _, err := client.GetAnalyzer(ctx, &accessanalyzer.GetAnalyzerInput{AnalyzerName: aws.String("nope")}); !errors.As(err, &gone) {
		t.Errorf("unknown analyzer: want ResourceNotFoundException, got %v", err)
	}
	var invalid *aatypes.ValidationException
	if _, err := client.ListAnalyzers(ctx, &accessanalyzer.ListAnalyzersInput{NextToken: aws.String("bogus")}); !errors.As(err, &invalid) {
		t.Errorf("bad token: want ValidationException, got %v", err)
	}
}

// Analyzers page by maxResults, 100 at most.
func TestAccessAnalyzerPages(t *testing.T) {
	w := fragmentWorld(t, "accessanalyzer")
	big := &accessAnalyzerWorld{}
	for i := range 230 {
		big.Analyzers = append(big.Analyzers, aatypes.AnalyzerSummary{Name: aws.String(fmt.Sprintf("analyzer-%03d", i)),
			Type: aatypes.TypeAccount, Status: aatypes.AnalyzerStatusActive})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "accessanalyzer", big)
	cfg, _ := testCloud(t, w)
	client := accessanalyzer.NewFromConfig(cfg, func(o *accessanalyzer.Options) { o.Region = "eu-west-1" })
	for _, tc := range []struct {
		limit int32
		pages int
	}{{0, 3}, {500, 3}, {25, 10}} {
		p := accessanalyzer.NewListAnalyzersPaginator(client, &accessanalyzer.ListAnalyzersInput{}, func(o *accessanalyzer.ListAnalyzersPaginatorOptions) { o.Limit = tc.limit })
		var names []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, a := range out.Analyzers {
				names = append(names, aws.ToString(a.Name))
			}
		}
		if pages != tc.pages || len(names) != 230 || names[229] != "analyzer-229" {
			t.Errorf("limit %d: %d pages, %d analyzers", tc.limit, pages, len(names))
		}
	}
}

// The collector counts an active external-access analyzer: on in
// us-east-1, off in eu-west-1 where only an unused-access one runs.
func TestAccessAnalyzerCollect(t *testing.T) {
	w := fragmentWorld(t, "accessanalyzer")
	res := collectClean(t, w, "accessanalyzer")
	regions := byKind(res.Resources)["aws.region"]
	for region, want := range map[string]bool{"us-east-1": true, "eu-west-1": false} {
		got := regions[region].Attributes.(*model.AWSRegion).AccessAnalyzerEnabled
		if got == nil || *got != want {
			t.Errorf("%s access_analyzer_enabled: %v, want %v", region, got, want)
		}
	}
}
