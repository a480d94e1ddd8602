package aws

import (
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

// ssmWorld is Systems Manager in one region: the managed nodes as
// DescribeInstanceInformation says them, and the per-resource compliance
// summaries (one per node and compliance type: Patch, Association, ...).
type ssmWorld struct {
	Instances  []ssmtypes.InstanceInformation           `json:"instances"`
	Compliance []ssmtypes.ResourceComplianceSummaryItem `json:"compliance"`
}

// Page sizes: DescribeInstanceInformation answers 10 by default (MaxResults
// 5-50); ListResourceComplianceSummaries up to 50.
const (
	ssmInstancePage      = 10
	ssmInstancePageMax   = 50
	ssmCompliancePageMax = 50
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
