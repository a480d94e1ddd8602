package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("sfn", false, collectSFN) }

// collectSFN reads every state machine's logging and tracing
// (DescribeStateMachine) and tags into aws.sfn.state_machine. The
// definition is not kept: its parameters may hold secrets.
func collectSFN(ctx context.Context, s *scope) {
	client := sfn.NewFromConfig(s.Config())
	var machines []sfntypes.StateMachineListItem
	p := sfn.NewListStateMachinesPaginator(client, &sfn.ListStateMachinesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListStateMachines", err)
			return
		}
		machines = append(machines, page.StateMachines...)
	}
	forEach(s, machines, func(m sfntypes.StateMachineListItem) {
		arn := aws.ToString(m.StateMachineArn)
		out, err := client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: m.StateMachineArn})
		if err != nil {
			s.failResource("DescribeStateMachine", arn, err)
			return
		}
		a := &model.SFNStateMachine{Name: aws.ToString(out.Name), Type: string(out.Type), LoggingLevel: string(sfntypes.LogLevelOff)}
		raw := map[string]any{"stateMachineArn": arn, "name": a.Name, "type": out.Type, "status": out.Status, "roleArn": aws.ToString(out.RoleArn)}
		if lc := out.LoggingConfiguration; lc != nil {
			raw["loggingConfiguration"] = lc
			if lc.Level != "" {
				a.LoggingLevel = string(lc.Level)
			}
			a.IncludeExecutionData = lc.IncludeExecutionData
		}
		if tc := out.TracingConfiguration; tc != nil {
			raw["tracingConfiguration"] = tc
			a.TracingEnabled = tc.Enabled
		}
		rd := s.reads(arn)
		var tags map[string]string
		rd.call("ListTagsForResource", []string{model.TagsPath}, func() error {
			out, err := client.ListTagsForResource(ctx, &sfn.ListTagsForResourceInput{ResourceArn: m.StateMachineArn})
			if err != nil {
				return err
			}
			tags = addTags(tags, out.Tags, func(t sfntypes.Tag) (*string, *string) { return t.Key, t.Value })
			return nil
		})
		rd.add(model.KindSFNStateMachine.With(a), a.Name, raw, tags)
	})
}
