package aws

import (
	"net/http"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/opensearch"
	ostypes "github.com/aws/aws-sdk-go-v2/service/opensearch/types"
)

// opensearchWorld is OpenSearch Service in one region.
type opensearchWorld struct {
	Domains []opensearchDomain `json:"domains"`
}

// opensearchDomain is DescribeDomains's status of a domain (ARN and
// DomainId are filled in when absent) and its tags.
type opensearchDomain struct {
	ostypes.DomainStatus
	Tags []ostypes.Tag `json:"tags"`
}

// DescribeDomains takes at most 5 names.
const opensearchDescribeMax = 5

func init() {
	register(&service{name: "opensearch", signing: "es", protocol: protoRESTJSON,
		newWorld: func() any { return &opensearchWorld{} },
		routes: []route{
			{method: "GET", pattern: "/2021-01-01/domain", op: "ListDomainNames"},
			{method: "POST", pattern: "/2021-01-01/opensearch/domain-info", op: "DescribeDomains"},
			{method: "GET", pattern: "/2021-01-01/tags", op: "ListTags"},
		},
		ops: map[string]op{
			// ListDomainNames does not page.
			"ListDomainNames": func(c *call) (any, error) {
				out := &opensearch.ListDomainNamesOutput{DomainNames: []ostypes.DomainInfo{}}
				for _, d := range worldOf[opensearchWorld](c).Domains {
					engine := opensearchEngine(d.EngineVersion)
					if e := c.param("engineType"); e != "" && e != string(engine) {
						continue
					}
					out.DomainNames = append(out.DomainNames, ostypes.DomainInfo{DomainName: d.DomainName, EngineType: engine})
				}
				return out, nil
			},
			// DescribeDomains leaves out the names no domain has.
			"DescribeDomains": func(c *call) (any, error) {
				var in opensearch.DescribeDomainsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				if len(in.DomainNames) == 0 || len(in.DomainNames) > opensearchDescribeMax {
					return nil, badRequest("ValidationException", "DomainNames must hold 1 to %d names.", opensearchDescribeMax)
				}
				out := &opensearch.DescribeDomainsOutput{DomainStatusList: []ostypes.DomainStatus{}}
				for _, name := range in.DomainNames {
					for _, d := range worldOf[opensearchWorld](c).Domains {
						if d.DomainName != nil && *d.DomainName == name {
							out.DomainStatusList = append(out.DomainStatusList, opensearchStatus(c, &d))
						}
					}
				}
				return out, nil
			},
			"ListTags": func(c *call) (any, error) {
				arn := c.param("arn")
				for _, d := range worldOf[opensearchWorld](c).Domains {
					if st := opensearchStatus(c, &d); *st.ARN == arn {
						return &opensearch.ListTagsOutput{TagList: append([]ostypes.Tag{}, d.Tags...)}, nil
					}
				}
				// OpenSearch answers a missing resource with 409.
				return nil, &apiError{status: http.StatusConflict, code: "ResourceNotFoundException", msg: "Domain not found: " + arn}
			},
		}})
}

// opensearchStatus is the domain's status with its ARN and id.
func opensearchStatus(c *call, d *opensearchDomain) ostypes.DomainStatus {
	st := d.DomainStatus
	name := ""
	if st.DomainName != nil {
		name = *st.DomainName
	}
	if st.ARN == nil {
		st.ARN = optional(c.arn("es", "domain/"+name))
	}
	if st.DomainId == nil {
		st.DomainId = optional(c.account.ID + "/" + name)
	}
	return st
}

// opensearchEngine tells OpenSearch from legacy Elasticsearch domains by
// their engine version ("OpenSearch_2.11", "Elasticsearch_7.10").
func opensearchEngine(version *string) ostypes.EngineType {
	if version != nil && strings.HasPrefix(*version, "Elasticsearch_") {
		return ostypes.EngineTypeElasticsearch
	}
	return ostypes.EngineTypeOpenSearch
}
