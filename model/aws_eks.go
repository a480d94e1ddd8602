package model

// Kinds of this service.
var (
	KindEKSCluster = NewKind[EKSCluster]("aws.eks.cluster", "EKS cluster")
)

// EKSCluster is kind aws.eks.cluster.
type EKSCluster struct {
	Name                  string   `json:"name"`
	Version               string   `json:"version"`
	EndpointPublicAccess  bool     `json:"endpoint_public_access"`
	EndpointPrivateAccess bool     `json:"endpoint_private_access"`
	PublicAccessCIDRs     []string `json:"public_access_cidrs"`
	SecretsEncryption     bool     `json:"secrets_encryption" doc:"envelope encryption of secrets with KMS"`
	EnabledLogTypes       []string `json:"enabled_log_types"`
}
