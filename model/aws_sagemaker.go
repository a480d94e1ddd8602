package model

// Kinds of this service.
var (
	KindSageMakerNotebookInstance = NewKind[SageMakerNotebookInstance]("aws.sagemaker.notebook_instance", "SageMaker notebook instance")
	KindSageMakerEndpointConfig   = NewKind[SageMakerEndpointConfig]("aws.sagemaker.endpoint_config", "SageMaker endpoint configuration")
	KindSageMakerModel            = NewKind[SageMakerModel]("aws.sagemaker.model", "SageMaker model")
)

// SageMakerNotebookInstance is kind aws.sagemaker.notebook_instance.
type SageMakerNotebookInstance struct {
	DirectInternetAccess bool   `json:"direct_internet_access" doc:"SageMaker gives the instance its own internet access (DirectInternetAccess Enabled, the default)"`
	RootAccess           bool   `json:"root_access" doc:"notebook users may become root (RootAccess Enabled, the default)"`
	KMSKeyID             string `json:"kms_key_id" doc:"customer-managed key of the ML storage volume; empty: an AWS-managed key"`
	SubnetID             string `json:"subnet_id" doc:"the VPC subnet of its network interface; empty: SageMaker's own VPC only"`
}

// SageMakerEndpointConfig is kind aws.sagemaker.endpoint_config.
type SageMakerEndpointConfig struct {
	KMSKeyID           string                       `json:"kms_key_id" doc:"customer-managed key of the hosting instances' storage volumes; empty: none configured"`
	ProductionVariants []SageMakerProductionVariant `json:"production_variants"`
}

// SageMakerProductionVariant is one model variant an endpoint serves.
type SageMakerProductionVariant struct {
	Name                 string `json:"name"`
	InitialInstanceCount int    `json:"initial_instance_count" doc:"instances it starts with; 0 for a serverless variant"`
	Serverless           bool   `json:"serverless"`
}

// SageMakerModel is kind aws.sagemaker.model.
type SageMakerModel struct {
	NetworkIsolation bool `json:"network_isolation" doc:"the inference containers make no outbound network calls (EnableNetworkIsolation)"`
	InVPC            bool `json:"in_vpc" doc:"the containers run in the customer's VPC (VpcConfig)"`
}
