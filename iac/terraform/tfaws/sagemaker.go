package tfaws

import (
	"fmt"

	"github.com/vigil-sec/vigil/model"
)

// SageMaker: aws_sagemaker_notebook_instance, aws_sagemaker_endpoint_configuration
// and aws_sagemaker_model become aws.sagemaker.notebook_instance,
// .endpoint_config and .model.
func init() {
	registerParent("aws_sagemaker_notebook_instance", model.KindSageMakerNotebookInstance, func(b *Builder) {
		a := model.KindSageMakerNotebookInstance.Must(b.R)
		b.NameFrom("name")
		// Provider and API defaults: direct internet access and root
		// access both Enabled.
		a.DirectInternetAccess = b.String("direct_internet_access", "direct_internet_access", "Enabled") != "Disabled"
		a.RootAccess = b.String("root_access", "root_access", "Enabled") != "Disabled"
		a.KMSKeyID = b.String("kms_key_id", "kms_key_id", "")
		a.SubnetID = b.String("subnet_id", "subnet_id", "")
	})
	registerParent("aws_sagemaker_endpoint_configuration", model.KindSageMakerEndpointConfig, func(b *Builder) {
		a := model.KindSageMakerEndpointConfig.Must(b.R)
		b.NameFrom("name")
		a.KMSKeyID = b.String("kms_key_arn", "kms_key_id", "")
		for i := range b.Blocks("production_variants") {
			tf := fmt.Sprintf("production_variants[%d]", i)
			a.ProductionVariants = append(a.ProductionVariants, model.SageMakerProductionVariant{
				Name:                 b.String(tf+".variant_name", "", ""),
				InitialInstanceCount: b.Int(tf+".initial_instance_count", "production_variants", 0),
				Serverless:           b.HasBlock(tf + ".serverless_config"),
			})
		}
	})
	registerParent("aws_sagemaker_model", model.KindSageMakerModel, func(b *Builder) {
		a := model.KindSageMakerModel.Must(b.R)
		b.NameFrom("name")
		a.NetworkIsolation = b.Bool("enable_network_isolation", "network_isolation", false)
		a.InVPC = b.HasBlock("vpc_config")
	})
}
