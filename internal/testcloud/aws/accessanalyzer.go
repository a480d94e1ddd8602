package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/accessanalyzer"
	aatypes "github.com/aws/aws-sdk-go-v2/service/accessanalyzer/types"
)

// accessAnalyzerWorld is IAM Access Analyzer in one region. An analyzer's
// configuration (a union) is not held: no operation served needs it.
type accessAnalyzerWorld struct {
	Analyzers []aatypes.AnalyzerSummary `json:"analyzers"`
}

// analyzerPageSize pages ListAnalyzers; AWS documents no bound for
// maxResults, so 100 serves as default and maximum.
const analyzerPageSize = 100

func init() {
	register(&service{name: "accessanalyzer", signing: "access-analyzer", protocol: protoRESTJSON,
		// camelCase members, and timestamps as date-time strings.
		names:    names{camel: true, isoTimes: true},
		newWorld: func() any { return &accessAnalyzerWorld{} },
		routes: []route{
			{method: "GET", pattern: "/analyzer", op: "ListAnalyzers"},
			{method: "GET", pattern: "/analyzer/{analyzerName}", op: "GetAnalyzer"},
		},
		ops: map[string]op{
			"ListAnalyzers": func(c *call) (any, error) {
				var all []aatypes.AnalyzerSummary
				for _, a := range analyzersOf(c) {
					if t := c.param("type"); t == "" || string(a.Type) == t {
						all = append(all, a)
					}
				}
				items, next, err := page(all, c.param("nextToken"), min(c.intParam("maxResults", analyzerPageSize), analyzerPageSize))
				if err != nil {
					return nil, badRequest("ValidationException", "Invalid next token")
				}
				return &accessanalyzer.ListAnalyzersOutput{Analyzers: items, NextToken: optional(next)}, nil
			},
			"GetAnalyzer": func(c *call) (any, error) {
				for _, a := range analyzersOf(c) {
					if *a.Name == c.param("analyzerName") {
						return &accessanalyzer.GetAnalyzerOutput{Analyzer: &a}, nil
					}
				}
				return nil, notFound("ResourceNotFoundException", "Analyzer %s not found", c.param("analyzerName"))
			},
		}})
}

// analyzersOf is the region's analyzers with their ARNs filled in.
func analyzersOf(c *call) []aatypes.AnalyzerSummary {
	var out []aatypes.AnalyzerSummary
	for _, a := range worldOf[accessAnalyzerWorld](c).Analyzers {
		if a.Arn == nil {
			a.Arn = optional(c.arn("access-analyzer", "analyzer/"+*a.Name))
		}
		out = append(out, a)
	}
	return out
}
