package aws

import (
	"encoding/base64"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

// ssmWorld is Systems Manager in one region: the managed nodes as
// DescribeInstanceInformation says them, and the per-resource compliance
// summaries (one per node and compliance type: Patch, Association, ...).
type ssmWorld struct {
	Instances  []ssmtypes.InstanceInformation           `json:"instances"`
	Compliance []ssmtypes.ResourceComplianceSummaryItem `json:"compliance"`
	Parameters []ssmParameter                           `json:"parameters"`
}

// ssmParameter is a Parameter Store parameter: its metadata as
// DescribeParameters says it, and its value.
type ssmParameter struct {
	ssmtypes.ParameterMetadata
	Value string `json:"value"`
}

// Page sizes: DescribeInstanceInformation answers 10 by default (MaxResults
// 5-50); ListResourceComplianceSummaries up to 50.
const (
	ssmInstancePage      = 10
	ssmInstancePageMax   = 50
	ssmCompliancePageMax = 50
	ssmParameterPage     = 10
	ssmParameterPageMax  = 50
	ssmGetParametersMax  = 10
)

func init() {
	register(&service{name: "ssm", signing: "ssm", protocol: protoJSON11,
		newWorld: func() any { return &ssmWorld{} },
		ops: map[string]op{
			"DescribeInstanceInformation": func(c *call) (any, error) {
				var in ssm.DescribeInstanceInformationInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				// Filters (and the legacy filter list) select by key; an
				// unknown instance id is an error, as AWS answers.
				want := map[string][]string{}
				for _, f := range in.Filters {
					want[ssmString(f.Key)] = f.Values
				}
				for _, f := range in.InstanceInformationFilterList {
					want[string(f.Key)] = f.ValueSet
				}
				var all []ssmtypes.InstanceInformation
				for _, i := range worldOf[ssmWorld](c).Instances {
					if ids, ok := want["InstanceIds"]; ok && !slices.Contains(ids, ssmString(i.InstanceId)) {
						continue
					}
					if st, ok := want["PingStatus"]; ok && !slices.Contains(st, string(i.PingStatus)) {
						continue
					}
					all = append(all, i)
				}
				for _, id := range want["InstanceIds"] {
					if !slices.ContainsFunc(all, func(i ssmtypes.InstanceInformation) bool { return ssmString(i.InstanceId) == id }) {
						return nil, badRequest("InvalidInstanceId", "Instance Id %s is not valid or is not a managed node.", id)
					}
				}
				items, next, err := page(all, c.param("NextToken"), min(c.intParam("MaxResults", ssmInstancePage), ssmInstancePageMax))
				if err != nil {
					return nil, err
				}
				return &ssm.DescribeInstanceInformationOutput{InstanceInformationList: items, NextToken: optional(next)}, nil
			},
			"DescribeParameters": func(c *call) (any, error) {
				var all []ssmtypes.ParameterMetadata
				for _, p := range worldOf[ssmWorld](c).Parameters {
					m := p.ParameterMetadata
					if m.ARN == nil {
						m.ARN = aws.String(c.arn("ssm", "parameter/"+strings.TrimPrefix(ssmString(m.Name), "/")))
					}
					if m.Type == "" {
						m.Type = ssmtypes.ParameterTypeString
					}
					all = append(all, m)
				}
				items, next, err := page(all, c.param("NextToken"), min(c.intParam("MaxResults", ssmParameterPage), ssmParameterPageMax))
				if err != nil {
					return nil, err
				}
				return &ssm.DescribeParametersOutput{Parameters: items, NextToken: optional(next)}, nil
			},
			"GetParameters": func(c *call) (any, error) {
				var in ssm.GetParametersInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				if len(in.Names) == 0 || len(in.Names) > ssmGetParametersMax {
					return nil, badRequest("ValidationException", "1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length between 1 and 10")
				}
				out := &ssm.GetParametersOutput{InvalidParameters: []string{}}
				for _, name := range in.Names {
					i := slices.IndexFunc(worldOf[ssmWorld](c).Parameters, func(p ssmParameter) bool { return ssmString(p.Name) == name })
					if i < 0 {
						out.InvalidParameters = append(out.InvalidParameters, name)
						continue
					}
					p := worldOf[ssmWorld](c).Parameters[i]
					typ := p.Type
					if typ == "" {
						typ = ssmtypes.ParameterTypeString
					}
					v := p.Value
					if typ == ssmtypes.ParameterTypeSecureString && !aws.ToBool(in.WithDecryption) {
						// Without decryption AWS answers the ciphertext.
						v = base64.StdEncoding.EncodeToString([]byte("ciphertext:" + name))
					}
					out.Parameters = append(out.Parameters, ssmtypes.Parameter{Name: p.Name, Type: typ, Value: aws.String(v),
						Version: max(p.Version, 1), DataType: aws.String("text"),
						ARN: aws.String(c.arn("ssm", "parameter/"+strings.TrimPrefix(name, "/")))})
				}
				return out, nil
			},
			"ListResourceComplianceSummaries": func(c *call) (any, error) {
				var in ssm.ListResourceComplianceSummariesInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				var all []ssmtypes.ResourceComplianceSummaryItem
				for _, it := range worldOf[ssmWorld](c).Compliance {
					if ssmComplianceMatches(it, in.Filters) {
						all = append(all, it)
					}
				}
				items, next, err := page(all, c.param("NextToken"), min(c.intParam("MaxResults", ssmCompliancePageMax), ssmCompliancePageMax))
				if err != nil {
					return nil, err
				}
				return &ssm.ListResourceComplianceSummariesOutput{ResourceComplianceSummaryItems: items, NextToken: optional(next)}, nil
			},
		}})
}

// ssmComplianceMatches applies ComplianceStringFilters (EQUAL by default,
// NOT_EQUAL, BEGIN_WITH) to a summary's string members.
func ssmComplianceMatches(it ssmtypes.ResourceComplianceSummaryItem, filters []ssmtypes.ComplianceStringFilter) bool {
	for _, f := range filters {
		var v string
		switch ssmString(f.Key) {
		case "ComplianceType":
			v = ssmString(it.ComplianceType)
		case "ResourceId":
			v = ssmString(it.ResourceId)
		case "ResourceType":
			v = ssmString(it.ResourceType)
		case "Status":
			v = string(it.Status)
		case "OverallSeverity":
			v = string(it.OverallSeverity)
		default:
			continue
		}
		hit := slices.ContainsFunc(f.Values, func(x string) bool {
			if f.Type == ssmtypes.ComplianceQueryOperatorTypeBeginWith {
				return strings.HasPrefix(v, x)
			}
			return v == x
		})
		if hit == (f.Type == ssmtypes.ComplianceQueryOperatorTypeNotEqual) {
			return false
		}
	}
	return true
}

func ssmString(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
