package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
)

// guardDutyWorld is GuardDuty in one region: at most one detector per
// account and region, as AWS allows.
type guardDutyWorld struct {
	Detectors []guardDutyDetector `json:"detectors"`
}

// guardDutyDetector is a detector's id and GetDetector's answer about it.
type guardDutyDetector struct {
	ID string `json:"id"`
	guardduty.GetDetectorOutput
}

// guardDutyPageSize is ListDetectors's default and largest page.
const guardDutyPageSize = 50

func init() {
	register(&service{name: "guardduty", signing: "guardduty", protocol: protoRESTJSON,
		names:    names{camel: true, rename: map[string]string{"DataSourceConfigurationsResult.DNSLogs": "dnsLogs"}},
		newWorld: func() any { return &guardDutyWorld{} },
		routes: []route{
			{method: "GET", pattern: "/detector", op: "ListDetectors"},
			{method: "GET", pattern: "/detector/{DetectorId}", op: "GetDetector"},
		},
		ops: map[string]op{
			"ListDetectors": func(c *call) (any, error) {
				var ids []string
				for _, d := range worldOf[guardDutyWorld](c).Detectors {
					ids = append(ids, d.ID)
				}
				items, next, err := page(ids, c.param("nextToken"), min(c.intParam("maxResults", guardDutyPageSize), guardDutyPageSize))
				if err != nil {
					return nil, guardDutyBadRequest("The request is rejected because an invalid or out-of-range value is specified as an input parameter.")
				}
				return &guardduty.ListDetectorsOutput{DetectorIds: items, NextToken: optional(next)}, nil
			},
			"GetDetector": func(c *call) (any, error) {
				for _, d := range worldOf[guardDutyWorld](c).Detectors {
					if d.ID == c.param("DetectorId") {
						out := d.GetDetectorOutput
						return &out, nil
					}
				}
				return nil, guardDutyBadRequest("The request is rejected because the input detectorId is not owned by the current account.")
			},
		}})
}

// guardDutyBadRequest is GuardDuty's answer to a bad or foreign id: it
// says BadRequestException where other services say not found.
func guardDutyBadRequest(msg string) error {
	return badRequest("BadRequestException", "%s", msg)
}
