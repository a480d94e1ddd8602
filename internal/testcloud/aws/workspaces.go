package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/workspaces"
	wstypes "github.com/aws/aws-sdk-go-v2/service/workspaces/types"
)

// workSpacesWorld is WorkSpaces in one region: DescribeWorkspaces's
// WorkSpaces.
type workSpacesWorld struct {
	Workspaces []wstypes.Workspace `json:"workspaces"`
}

// DescribeWorkspaces pages by Limit, 1-25, 25 when absent.
const workSpacesPageSize = 25

func init() {
	register(&service{name: "workspaces", signing: "workspaces", protocol: protoJSON11,
		newWorld: func() any { return &workSpacesWorld{} },
		ops: map[string]op{
			"DescribeWorkspaces": func(c *call) (any, error) {
				size := c.intParam("Limit", workSpacesPageSize)
				if size > workSpacesPageSize {
					return nil, badRequest("InvalidParameterValuesException", "Limit must be between 1 and %d", workSpacesPageSize)
				}
				items, next, err := page(worldOf[workSpacesWorld](c).Workspaces, c.param("NextToken"), size)
				if err != nil {
					return nil, badRequest("InvalidParameterValuesException", "Invalid NextToken")
				}
				return &workspaces.DescribeWorkspacesOutput{Workspaces: append([]wstypes.Workspace{}, items...), NextToken: optional(next)}, nil
			},
		}})
}
