package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	smtypes "github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
)

// sageMakerWorld is SageMaker in one region: notebook instances, endpoint
// configurations and models as their Describe calls show them (ARNs are
// filled in when absent).
type sageMakerWorld struct {
	NotebookInstances []sagemaker.DescribeNotebookInstanceOutput `json:"notebookInstances"`
	EndpointConfigs   []sagemaker.DescribeEndpointConfigOutput   `json:"endpointConfigs"`
	Models            []sagemaker.DescribeModelOutput            `json:"models"`
}

// SageMaker's listings answer MaxResults (1-100) items, 10 when absent.
const (
	sageMakerPageSize    = 10
	sageMakerMaxPageSize = 100
)

func init() {
	register(&service{name: "sagemaker", signing: "sagemaker", protocol: protoJSON11,
		newWorld: func() any { return &sageMakerWorld{} },
		ops: map[string]op{
			"ListNotebookInstances": func(c *call) (any, error) {
				var list []smtypes.NotebookInstanceSummary
				for _, n := range sageMakerNotebooks(c) {
					list = append(list, smtypes.NotebookInstanceSummary{NotebookInstanceArn: n.NotebookInstanceArn, NotebookInstanceName: n.NotebookInstanceName,
						NotebookInstanceStatus: n.NotebookInstanceStatus, InstanceType: n.InstanceType, CreationTime: n.CreationTime, Url: n.Url})
				}
				items, next, err := sageMakerPage(c, list)
				if err != nil {
					return nil, err
				}
				return &sagemaker.ListNotebookInstancesOutput{NotebookInstances: append([]smtypes.NotebookInstanceSummary{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeNotebookInstance": func(c *call) (any, error) {
				name := c.param("NotebookInstanceName")
				for _, n := range sageMakerNotebooks(c) {
					if name == aws.ToString(n.NotebookInstanceName) {
						return &n, nil
					}
				}
				return nil, badRequest("ValidationException", "RecordNotFound")
			},
			"ListEndpointConfigs": func(c *call) (any, error) {
				var list []smtypes.EndpointConfigSummary
				for _, e := range sageMakerEndpointConfigs(c) {
					list = append(list, smtypes.EndpointConfigSummary{EndpointConfigArn: e.EndpointConfigArn, EndpointConfigName: e.EndpointConfigName, CreationTime: e.CreationTime})
				}
				items, next, err := sageMakerPage(c, list)
				if err != nil {
					return nil, err
				}
				return &sagemaker.ListEndpointConfigsOutput{EndpointConfigs: append([]smtypes.EndpointConfigSummary{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeEndpointConfig": func(c *call) (any, error) {
				name := c.param("EndpointConfigName")
				for _, e := range sageMakerEndpointConfigs(c) {
					if name == aws.ToString(e.EndpointConfigName) {
						return &e, nil
					}
				}
				return nil, badRequest("ValidationException", "Could not find endpoint configuration %q.", name)
			},
			"ListModels": func(c *call) (any, error) {
				var list []smtypes.ModelSummary
				for _, m := range sageMakerModels(c) {
					list = append(list, smtypes.ModelSummary{ModelArn: m.ModelArn, ModelName: m.ModelName, CreationTime: m.CreationTime})
				}
				items, next, err := sageMakerPage(c, list)
				if err != nil {
					return nil, err
				}
				return &sagemaker.ListModelsOutput{Models: append([]smtypes.ModelSummary{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeModel": func(c *call) (any, error) {
				name := c.param("ModelName")
				for _, m := range sageMakerModels(c) {
					if name == aws.ToString(m.ModelName) {
						return &m, nil
					}
				}
				return nil, badRequest("ValidationException", "Could not find model %q.", name)
			},
		}})
}

// sageMakerPage is one page of a SageMaker listing.
func sageMakerPage[T any](c *call, list []T) ([]T, string, error) {
	size := c.intParam("MaxResults", sageMakerPageSize)
	if size > sageMakerMaxPageSize {
		return nil, "", badRequest("ValidationException", "1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to %d", size, sageMakerMaxPageSize)
	}
	items, next, err := page(list, c.param("NextToken"), size)
	if err != nil {
		return nil, "", badRequest("ValidationException", "Invalid pagination token")
	}
	return items, next, nil
}

func sageMakerNotebooks(c *call) []sagemaker.DescribeNotebookInstanceOutput {
	var out []sagemaker.DescribeNotebookInstanceOutput
	for _, n := range worldOf[sageMakerWorld](c).NotebookInstances {
		if n.NotebookInstanceArn == nil {
			n.NotebookInstanceArn = optional(c.arn("sagemaker", "notebook-instance/"+aws.ToString(n.NotebookInstanceName)))
		}
		if n.NotebookInstanceStatus == "" {
			n.NotebookInstanceStatus = smtypes.NotebookInstanceStatusInService
		}
		out = append(out, n)
	}
	return out
}

func sageMakerEndpointConfigs(c *call) []sagemaker.DescribeEndpointConfigOutput {
	var out []sagemaker.DescribeEndpointConfigOutput
	for _, e := range worldOf[sageMakerWorld](c).EndpointConfigs {
		if e.EndpointConfigArn == nil {
			e.EndpointConfigArn = optional(c.arn("sagemaker", "endpoint-config/"+aws.ToString(e.EndpointConfigName)))
		}
		out = append(out, e)
	}
	return out
}

func sageMakerModels(c *call) []sagemaker.DescribeModelOutput {
	var out []sagemaker.DescribeModelOutput
	for _, m := range worldOf[sageMakerWorld](c).Models {
		if m.ModelArn == nil {
			m.ModelArn = optional(c.arn("sagemaker", "model/"+aws.ToString(m.ModelName)))
		}
		out = append(out, m)
	}
	return out
}
