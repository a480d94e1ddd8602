package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	cfntypes "github.com/aws/aws-sdk-go-v2/service/cloudformation/types"
)

// cloudformationWorld is CloudFormation in one region: its stacks as
// DescribeStacks answers them (StackId filled in when absent; a NoEcho
// parameter's value is written as AWS answers it, ****).
type cloudformationWorld struct {
	Stacks []cfntypes.Stack `json:"stacks"`
}

// cloudformationStackPage is how many stacks one DescribeStacks page holds
// here; the API sets no MaxResults, and the page is small so that tests
// page.
const cloudformationStackPage = 2

func init() {
	register(&service{name: "cloudformation", signing: "cloudformation", protocol: protoQuery,
		xmlns:    "http://cloudformation.amazonaws.com/doc/2010-05-15/",
		newWorld: func() any { return &cloudformationWorld{} },
		ops: map[string]op{
			"DescribeStacks": func(c *call) (any, error) {
				name := c.param("StackName")
				var all []cfntypes.Stack
				for _, st := range worldOf[cloudformationWorld](c).Stacks {
					if st.StackId == nil {
						st.StackId = aws.String(c.arn("cloudformation", "stack/"+aws.ToString(st.StackName)+"/00000000-0000-4000-8000-000000000000"))
					}
					if name != "" && name != aws.ToString(st.StackName) && name != aws.ToString(st.StackId) {
						continue
					}
					all = append(all, st)
				}
				if name != "" && len(all) == 0 {
					return nil, badRequest("ValidationError", "Stack with id %s does not exist", name)
				}
				items, next, err := page(all, c.param("NextToken"), cloudformationStackPage)
				if err != nil {
					return nil, err
				}
				return &cloudformation.DescribeStacksOutput{Stacks: items, NextToken: optional(next)}, nil
			},
		}})
}
