package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	smtypes "github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("sagemaker", false, collectSageMaker) }

// The settings each Describe call fills: the listings answer names, ARNs
// and states only.
var (
	sageMakerNotebookFills       = []string{"direct_internet_access", "root_access", "kms_key_id", "subnet_id"}
	sageMakerEndpointConfigFills = []string{"kms_key_id", "production_variants"}
	sageMakerModelFills          = []string{"network_isolation", "in_vpc"}
)

// collectSageMaker reads notebook instances, endpoint configurations and
// models, each listed and then described one by one. A failed listing
// leaves the other two to be read. SageMaker answers a Describe of
// something deleted since it was listed with a ValidationException, the
// code of malformed requests too: any error leaves the settings unknown.
func collectSageMaker(ctx context.Context, s *scope) {
	client := sagemaker.NewFromConfig(s.Config())
	collectSageMakerNotebooks(ctx, s, client)
	collectSageMakerEndpointConfigs(ctx, s, client)
	collectSageMakerModels(ctx, s, client)
}

func collectSageMakerNotebooks(ctx context.Context, s *scope, client *sagemaker.Client) {
	var list []smtypes.NotebookInstanceSummary
	p := sagemaker.NewListNotebookInstancesPaginator(client, &sagemaker.ListNotebookInstancesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListNotebookInstances", err)
			return
		}
		list = append(list, page.NotebookInstances...)
	}
	forEach(s, list, func(n smtypes.NotebookInstanceSummary) {
		a := &model.SageMakerNotebookInstance{}
		raw := map[string]any{"NotebookInstanceSummary": n}
		var rels []model.Relation
		rd := s.reads(aws.ToString(n.NotebookInstanceArn))
		rd.call("DescribeNotebookInstance", sageMakerNotebookFills, func() error {
			out, err := client.DescribeNotebookInstance(ctx, &sagemaker.DescribeNotebookInstanceInput{NotebookInstanceName: n.NotebookInstanceName})
			if err != nil {
				return err
			}
			raw["NotebookInstance"] = out
			// Both default to Enabled when the instance is created
			// without them.
			a.DirectInternetAccess = out.DirectInternetAccess != smtypes.DirectInternetAccessDisabled
			a.RootAccess = out.RootAccess != smtypes.RootAccessDisabled
			a.KMSKeyID = aws.ToString(out.KmsKeyId)
			a.SubnetID = aws.ToString(out.SubnetId)
			if a.SubnetID != "" {
				rels = append(rels, model.Relation{Type: model.RelInSubnet, Target: a.SubnetID})
			}
			for _, sg := range out.SecurityGroups {
				rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: sg})
			}
			if r := aws.ToString(out.RoleArn); r != "" {
				rels = append(rels, model.Relation{Type: model.RelUsesRole, Target: r})
			}
			if a.KMSKeyID != "" {
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.KMSKeyID})
			}
			return nil
		})
		rd.add(model.KindSageMakerNotebookInstance.With(a), aws.ToString(n.NotebookInstanceName), raw, nil, rels...)
	})
}

func collectSageMakerEndpointConfigs(ctx context.Context, s *scope, client *sagemaker.Client) {
	var list []smtypes.EndpointConfigSummary
	p := sagemaker.NewListEndpointConfigsPaginator(client, &sagemaker.ListEndpointConfigsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListEndpointConfigs", err)
			return
		}
		list = append(list, page.EndpointConfigs...)
	}
	forEach(s, list, func(e smtypes.EndpointConfigSummary) {
		a := &model.SageMakerEndpointConfig{}
		raw := map[string]any{"EndpointConfigSummary": e}
		var rels []model.Relation
		rd := s.reads(aws.ToString(e.EndpointConfigArn))
		rd.call("DescribeEndpointConfig", sageMakerEndpointConfigFills, func() error {
			out, err := client.DescribeEndpointConfig(ctx, &sagemaker.DescribeEndpointConfigInput{EndpointConfigName: e.EndpointConfigName})
			if err != nil {
				return err
			}
			raw["EndpointConfig"] = out
			a.KMSKeyID = aws.ToString(out.KmsKeyId)
			if a.KMSKeyID != "" {
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.KMSKeyID})
			}
			for _, v := range out.ProductionVariants {
				a.ProductionVariants = append(a.ProductionVariants, model.SageMakerProductionVariant{Name: aws.ToString(v.VariantName),
					InitialInstanceCount: int(aws.ToInt32(v.InitialInstanceCount)), Serverless: v.ServerlessConfig != nil})
			}
			return nil
		})
		rd.add(model.KindSageMakerEndpointConfig.With(a), aws.ToString(e.EndpointConfigName), raw, nil, rels...)
	})
}

func collectSageMakerModels(ctx context.Context, s *scope, client *sagemaker.Client) {
	var list []smtypes.ModelSummary
	p := sagemaker.NewListModelsPaginator(client, &sagemaker.ListModelsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListModels", err)
			return
		}
		list = append(list, page.Models...)
	}
	forEach(s, list, func(m smtypes.ModelSummary) {
		a := &model.SageMakerModel{}
		raw := map[string]any{"ModelSummary": m}
		var rels []model.Relation
		rd := s.reads(aws.ToString(m.ModelArn))
		rd.call("DescribeModel", sageMakerModelFills, func() error {
			out, err := client.DescribeModel(ctx, &sagemaker.DescribeModelInput{ModelName: m.ModelName})
			if err != nil {
				return err
			}
			raw["Model"] = out
			a.NetworkIsolation = aws.ToBool(out.EnableNetworkIsolation)
			if v := out.VpcConfig; v != nil && len(v.Subnets) > 0 {
				a.InVPC = true
				for _, sn := range v.Subnets {
					rels = append(rels, model.Relation{Type: model.RelInSubnet, Target: sn})
				}
				for _, sg := range v.SecurityGroupIds {
					rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: sg})
				}
			}
			if r := aws.ToString(out.ExecutionRoleArn); r != "" {
				rels = append(rels, model.Relation{Type: model.RelUsesRole, Target: r})
			}
			return nil
		})
		rd.add(model.KindSageMakerModel.With(a), aws.ToString(m.ModelName), raw, nil, rels...)
	})
}
