package cloudformation

import (
	"fmt"

	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::SageMaker::NotebookInstance", model.KindSageMakerNotebookInstance, func(b *builder) {
		a := model.KindSageMakerNotebookInstance.Must(b.target)
		// Both Enabled unless set.
		a.DirectInternetAccess = b.str("DirectInternetAccess", "direct_internet_access", "Enabled") != "Disabled"
		a.RootAccess = b.str("RootAccess", "root_access", "Enabled") != "Disabled"
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		a.SubnetID = b.str("SubnetId", "subnet_id", "")
		if a.SubnetID != "" {
			b.relate(model.RelInSubnet, a.SubnetID)
		}
		if a.KMSKeyID != "" {
			b.relate(model.RelEncryptedBy, a.KMSKeyID)
		}
	})
	parent("AWS::SageMaker::EndpointConfig", model.KindSageMakerEndpointConfig, func(b *builder) {
		a := model.KindSageMakerEndpointConfig.Must(b.target)
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		if a.KMSKeyID != "" {
			b.relate(model.RelEncryptedBy, a.KMSKeyID)
		}
		for i := range b.count("ProductionVariants", "production_variants") {
			p := fmt.Sprintf("ProductionVariants[%d]", i)
			a.ProductionVariants = append(a.ProductionVariants, model.SageMakerProductionVariant{
				Name:                 b.str(p+".VariantName", "", ""),
				InitialInstanceCount: b.integer(p+".InitialInstanceCount", "production_variants", 0),
				Serverless:           b.has(p + ".ServerlessConfig"),
			})
		}
	})
	parent("AWS::SageMaker::Model", model.KindSageMakerModel, func(b *builder) {
		a := model.KindSageMakerModel.Must(b.target)
		a.NetworkIsolation = b.boolean("EnableNetworkIsolation", "network_isolation", false)
		a.InVPC = b.has("VpcConfig")
	})
}
