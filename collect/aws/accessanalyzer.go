package aws

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/accessanalyzer"
	aatypes "github.com/aws/aws-sdk-go-v2/service/accessanalyzer/types"
)

func init() { register("accessanalyzer", false, collectAccessAnalyzer) }

// collectAccessAnalyzer records whether the region runs an active IAM
// Access Analyzer for external access (the aws.region fact
// access_analyzer_enabled; CIS AWS 1.20). Unused- and internal-access
// analyzers do not report resources shared outside the zone of trust, so
// they alone do not count. A failed listing leaves the fact unknown.
func collectAccessAnalyzer(ctx context.Context, s *scope) {
	client := accessanalyzer.NewFromConfig(s.Config())
	enabled := false
	p := accessanalyzer.NewListAnalyzersPaginator(client, &accessanalyzer.ListAnalyzersInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListAnalyzers", err)
			return
		}
		for _, a := range page.Analyzers {
			if externalAccessAnalyzer(a) {
				enabled = true
			}
		}
	}
	s.regionFact(factAccessAnalyzer, boolPtr(enabled))
}

func externalAccessAnalyzer(a aatypes.AnalyzerSummary) bool {
	t := string(a.Type)
	return a.Status == aatypes.AnalyzerStatusActive &&
		!strings.HasSuffix(t, "_UNUSED_ACCESS") && !strings.HasSuffix(t, "_INTERNAL_ACCESS")
}
