package model

// Kinds of this service.
var (
	KindEKSCluster   = NewKind[EKSCluster]("aws.eks.cluster", "EKS cluster")
	KindEKSNodeGroup = NewKind[EKSNodeGroup]("aws.eks.node_group", "EKS managed node group")
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

// EKSNodeGroup is kind aws.eks.node_group (a managed node group).
type EKSNodeGroup struct {
	Name           string                `json:"name"`
	ClusterName    string                `json:"cluster_name"`
	NodeRoleARN    string                `json:"node_role_arn" doc:"the IAM role the nodes run as"`
	AMIType        string                `json:"ami_type" doc:"AL2_x86_64, AL2023_x86_64_STANDARD, BOTTLEROCKET_x86_64, WINDOWS_CORE_2022_x86_64 ..., CUSTOM with a launch template's AMI"`
	CapacityType   string                `json:"capacity_type" doc:"ON_DEMAND (the default) or SPOT, CAPACITY_BLOCK"`
	Version        string                `json:"version" doc:"the nodes' Kubernetes version (the cluster's when not set at creation)"`
	ReleaseVersion string                `json:"release_version" doc:"the AMI release version (the latest for the version when not set at creation)"`
	Subnets        []string              `json:"subnets"`
	RemoteAccess   EKSNodeRemoteAccess   `json:"remote_access"`
	LaunchTemplate EKSNodeLaunchTemplate `json:"launch_template" doc:"empty id and name: no launch template"`
}

// EKSNodeRemoteAccess is a node group's remote access configuration
// (remoteAccess), which EKS allows only without a launch template.
type EKSNodeRemoteAccess struct {
	EC2SSHKey              string   `json:"ec2_ssh_key" doc:"the EC2 key pair for SSH (RDP on Windows) to the nodes; empty: no remote access configured"`
	SourceSecurityGroupIDs []string `json:"source_security_group_ids" doc:"the security groups allowed to port 22 (3389 on Windows); none with a key: EKS opens the port to 0.0.0.0/0"`
}

// EKSNodeLaunchTemplate names the launch template a node group launches
// its nodes from.
type EKSNodeLaunchTemplate struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Version string `json:"version"`
}
