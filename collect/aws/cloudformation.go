package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	cfntypes "github.com/aws/aws-sdk-go-v2/service/cloudformation/types"

	"github.com/vigil-sec/vigil/internal/secretscan"
	"github.com/vigil-sec/vigil/model"
)

func init() { register("cloudformation", false, collectCloudFormation) }

// collectCloudFormation reads every stack that is not deleted
// (DescribeStacks lists them with their parameters and outputs) into
// aws.cloudformation.stack, with the secrets found in parameter and
// output values. The values are scanned and dropped: raw keeps the keys
// with "(redacted)". NoEcho parameters come back masked (****) and are
// left alone; a secret there is where CloudFormation wants it.
func collectCloudFormation(ctx context.Context, s *scope) {
	client := cloudformation.NewFromConfig(s.Config())
	p := cloudformation.NewDescribeStacksPaginator(client, &cloudformation.DescribeStacksInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeStacks", err)
			return
		}
		for _, st := range page.Stacks {
			if st.StackStatus == cfntypes.StackStatusDeleteComplete {
				continue
			}
			addStack(s, st)
		}
	}
}

func addStack(s *scope, st cfntypes.Stack) {
	a := &model.CloudFormationStack{Name: aws.ToString(st.StackName), Status: string(st.StackStatus),
		SecretsInParameters: []model.SecretFinding{}, SecretsInOutputs: []model.SecretFinding{}}
	rd := s.reads(aws.ToString(st.StackId))
	params := make([]cfntypes.Parameter, len(st.Parameters))
	for i, p := range st.Parameters {
		key := aws.ToString(p.ParameterKey)
		// ResolvedValue is what an SSM parameter type resolved to.
		for _, v := range []*string{p.ParameterValue, p.ResolvedValue} {
			fs, err := secretscan.Value("parameter "+key, key, aws.ToString(v))
			if err != nil {
				rd.unread("secrets_in_parameters")
				continue
			}
			a.SecretsInParameters = appendNew(a.SecretsInParameters, fs)
		}
		params[i] = cfntypes.Parameter{ParameterKey: p.ParameterKey, ParameterValue: aws.String("(redacted)")}
	}
	outputs := make([]cfntypes.Output, len(st.Outputs))
	for i, o := range st.Outputs {
		key := aws.ToString(o.OutputKey)
		fs, err := secretscan.Value("output "+key, key, aws.ToString(o.OutputValue))
		if err != nil {
			rd.unread("secrets_in_outputs")
		}
		a.SecretsInOutputs = appendNew(a.SecretsInOutputs, fs)
		outputs[i] = cfntypes.Output{OutputKey: o.OutputKey, Description: o.Description, ExportName: o.ExportName, OutputValue: aws.String("(redacted)")}
	}
	st.Parameters, st.Outputs = params, outputs
	tags := addTags(nil, st.Tags, func(t cfntypes.Tag) (*string, *string) { return t.Key, t.Value })
	rd.add(model.KindCloudFormationStack.With(a), a.Name, st, tags)
}

// appendNew appends the findings not yet in fs.
func appendNew(fs, more []model.SecretFinding) []model.SecretFinding {
	for _, f := range more {
		dup := false
		for _, g := range fs {
			dup = dup || g == f
		}
		if !dup {
			fs = append(fs, f)
		}
	}
	return fs
}
