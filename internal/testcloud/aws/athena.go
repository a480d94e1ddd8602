package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/athena"
	athenatypes "github.com/aws/aws-sdk-go-v2/service/athena/types"
)

// athenaWorld is Athena in one region: GetWorkGroup's workgroups (State
// defaults to ENABLED). Every region also has "primary", which AWS
// creates; a world lists it when it matters.
type athenaWorld struct {
	WorkGroups []athenatypes.WorkGroup `json:"workgroups"`
}

// ListWorkGroups pages by MaxResults, 1-50, 50 when absent.
const athenaPageSize = 50

func init() {
	register(&service{name: "athena", signing: "athena", protocol: protoJSON11,
		newWorld: func() any { return &athenaWorld{} },
		ops: map[string]op{
			"ListWorkGroups": func(c *call) (any, error) {
				size := c.intParam("MaxResults", athenaPageSize)
				if size > athenaPageSize {
					return nil, badRequest("InvalidRequestException", "MaxResults must be between 1 and %d", athenaPageSize)
				}
				var list []athenatypes.WorkGroupSummary
				for _, g := range athenaWorkGroups(c) {
					list = append(list, athenatypes.WorkGroupSummary{Name: g.Name, State: g.State, Description: g.Description, CreationTime: g.CreationTime})
				}
				items, next, err := page(list, c.param("NextToken"), size)
				if err != nil {
					return nil, badRequest("InvalidRequestException", "The NextToken is invalid.")
				}
				return &athena.ListWorkGroupsOutput{WorkGroups: append([]athenatypes.WorkGroupSummary{}, items...), NextToken: optional(next)}, nil
			},
			"GetWorkGroup": func(c *call) (any, error) {
				name := c.param("WorkGroup")
				for _, g := range athenaWorkGroups(c) {
					if name == aws.ToString(g.Name) {
						return &athena.GetWorkGroupOutput{WorkGroup: &g}, nil
					}
				}
				return nil, badRequest("InvalidRequestException", "WorkGroup %s is not found.", name)
			},
		}})
}

func athenaWorkGroups(c *call) []athenatypes.WorkGroup {
	var out []athenatypes.WorkGroup
	for _, g := range worldOf[athenaWorld](c).WorkGroups {
		if g.State == "" {
			g.State = athenatypes.WorkGroupStateEnabled
		}
		out = append(out, g)
	}
	return out
}
