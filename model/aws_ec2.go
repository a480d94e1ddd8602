package model

import "strings"

// Kinds of this service.
var (
	KindEC2SecurityGroup    = NewKind[EC2SecurityGroup]("aws.ec2.security_group", "EC2/VPC security group with all its rules")
	KindEC2NetworkACL       = NewKind[EC2NetworkACL]("aws.ec2.network_acl", "VPC network ACL")
	KindEC2Instance         = NewKind[EC2Instance]("aws.ec2.instance", "EC2 instance")
	KindEC2LaunchTemplate   = NewKind[EC2LaunchTemplate]("aws.ec2.launch_template", "EC2 launch template")
	KindEC2Volume           = NewKind[EC2Volume]("aws.ec2.volume", "EBS volume")
	KindEC2Snapshot         = NewKind[EC2Snapshot]("aws.ec2.snapshot", "EBS snapshot")
	KindEC2Image            = NewKind[EC2Image]("aws.ec2.image", "owned AMI")
	KindEC2VPC              = NewKind[EC2VPC]("aws.ec2.vpc", "VPC")
	KindEC2Subnet           = NewKind[EC2Subnet]("aws.ec2.subnet", "VPC subnet")
	KindEC2ElasticIP        = NewKind[EC2ElasticIP]("aws.ec2.eip", "Elastic IP address")
	KindEC2NetworkInterface = NewKind[EC2NetworkInterface]("aws.ec2.network_interface", "elastic network interface (ENI)")
)

// SecurityGroupRule is one ingress or egress permission of a security group.
type SecurityGroupRule struct {
	Protocol       string   `json:"protocol" doc:"tcp, udp, icmp, icmpv6 or -1 (all)"`
	FromPort       int      `json:"from_port" doc:"-1 or 0 with protocol -1 means all ports"`
	ToPort         int      `json:"to_port"`
	CIDRBlocks     []string `json:"cidr_blocks"`
	IPv6CIDRBlocks []string `json:"ipv6_cidr_blocks"`
	SecurityGroups []string `json:"security_groups" doc:"referenced security group ids"`
	PrefixLists    []string `json:"prefix_lists"`
	Description    string   `json:"description"`
}

// NormalizeProtocol maps the spellings of an IP protocol that APIs and IaC
// use (names, IANA numbers, "all") to the model's: tcp, udp, icmp, icmpv6,
// or -1 for all. Every source calls it, so rules compare one vocabulary.
func NormalizeProtocol(p string) string {
	switch p = strings.ToLower(strings.TrimSpace(p)); p {
	case "-1", "all":
		return "-1"
	case "6", "tcp":
		return "tcp"
	case "17", "udp":
		return "udp"
	case "1", "icmp":
		return "icmp"
	case "58", "icmpv6", "icmp-v6":
		return "icmpv6"
	}
	return p
}

// EC2SecurityGroup is kind aws.ec2.security_group, joined from the group and
// its separate rule resources.
type EC2SecurityGroup struct {
	Name        string              `json:"name"`
	Description string              `json:"description"`
	VPCID       string              `json:"vpc_id"`
	IsDefault   bool                `json:"is_default" doc:"the VPC's default security group"`
	Ingress     []SecurityGroupRule `json:"ingress"`
	Egress      []SecurityGroupRule `json:"egress"`
	// NetworkInterfaceCount is how many network interfaces the group is
	// attached to. Every use of a security group in a VPC (instances, load
	// balancers, RDS, Lambda in a VPC, endpoints, ECS tasks) is through an
	// ENI, so 0 means nothing uses it. IaC leaves it unknown: what attaches
	// a group may live in another configuration.
	NetworkInterfaceCount int `json:"network_interface_count" doc:"network interfaces the group is attached to (live: DescribeNetworkInterfaces); unknown in IaC"`
}

// NetworkACLRule is one entry of a network ACL.
type NetworkACLRule struct {
	RuleNumber    int    `json:"rule_number"`
	Egress        bool   `json:"egress"`
	Protocol      string `json:"protocol" doc:"tcp, udp, icmp or -1 (all)"`
	Action        string `json:"action" doc:"allow or deny"`
	CIDRBlock     string `json:"cidr_block"`
	IPv6CIDRBlock string `json:"ipv6_cidr_block"`
	FromPort      int    `json:"from_port"`
	ToPort        int    `json:"to_port"`
}

// EC2NetworkACL is kind aws.ec2.network_acl.
type EC2NetworkACL struct {
	VPCID     string           `json:"vpc_id"`
	IsDefault bool             `json:"is_default"`
	Entries   []NetworkACLRule `json:"entries"`
	// Subnets are the subnets the ACL filters.
	Subnets []string `json:"subnets" doc:"associated subnet ids (IaC: a subnet of the configuration by its resource id)"`
}

// MetadataOptions is an instance's or launch template's IMDS settings.
type MetadataOptions struct {
	HTTPEndpoint            string `json:"http_endpoint" doc:"enabled or disabled"`
	HTTPTokens              string `json:"http_tokens" doc:"required (IMDSv2 only) or optional (IMDSv1 allowed)"`
	HTTPPutResponseHopLimit int    `json:"http_put_response_hop_limit"`
}

// BlockDevice is an EBS volume mapped into an instance.
type BlockDevice struct {
	DeviceName string `json:"device_name"`
	Root       bool   `json:"root"`
	Encrypted  bool   `json:"encrypted"`
	KMSKeyID   string `json:"kms_key_id"`
	VolumeSize int    `json:"volume_size"`
}

// EC2Instance is kind aws.ec2.instance.
type EC2Instance struct {
	InstanceType       string          `json:"instance_type"`
	ImageID            string          `json:"image_id"`
	State              string          `json:"state"`
	SubnetID           string          `json:"subnet_id"`
	VPCID              string          `json:"vpc_id"`
	SecurityGroups     []string        `json:"security_groups"`
	PublicIP           string          `json:"public_ip"`
	HasPublicIP        bool            `json:"has_public_ip" doc:"a public IPv4 address is (or will be) associated"`
	IAMInstanceProfile string          `json:"iam_instance_profile"`
	MetadataOptions    MetadataOptions `json:"metadata_options"`
	BlockDevices       []BlockDevice   `json:"block_devices"`
	Monitoring         bool            `json:"monitoring" doc:"detailed monitoring"`
	EBSOptimized       bool            `json:"ebs_optimized"`
	UserDataPresent    bool            `json:"user_data_present"`
	SecretsFound       []SecretFinding `json:"secrets_found" doc:"secrets found in the user data (kind and line, never the value)"`
}

// EC2LaunchTemplate is kind aws.ec2.launch_template.
type EC2LaunchTemplate struct {
	Name            string          `json:"name"`
	MetadataOptions MetadataOptions `json:"metadata_options"`
	BlockDevices    []BlockDevice   `json:"block_devices"`
	HasPublicIP     bool            `json:"has_public_ip"`
	SecretsFound    []SecretFinding `json:"secrets_found" doc:"secrets found in the user data of the default version and, live, of the latest version (kind and line, never the value)"`
}

// EC2Volume is kind aws.ec2.volume (an EBS volume).
type EC2Volume struct {
	Encrypted        bool   `json:"encrypted"`
	KMSKeyID         string `json:"kms_key_id"`
	Size             int    `json:"size"`
	VolumeType       string `json:"volume_type"`
	AvailabilityZone string `json:"availability_zone"`
}

// EC2Snapshot is kind aws.ec2.snapshot.
type EC2Snapshot struct {
	Encrypted bool   `json:"encrypted"`
	Public    bool   `json:"public" doc:"createVolumePermission includes group all"`
	VolumeID  string `json:"volume_id"`
}

// EC2Image is kind aws.ec2.image (an owned AMI).
type EC2Image struct {
	Public    bool `json:"public" doc:"launch permission includes group all"`
	Encrypted bool `json:"encrypted" doc:"every EBS snapshot of its block device mappings is encrypted"`
}

// EC2VPC is kind aws.ec2.vpc.
type EC2VPC struct {
	CIDRBlock       string `json:"cidr_block"`
	IsDefault       bool   `json:"is_default"`
	FlowLogsEnabled bool   `json:"flow_logs_enabled" doc:"at least one flow log captures this VPC"`
}

// EC2Subnet is kind aws.ec2.subnet.
type EC2Subnet struct {
	VPCID               string `json:"vpc_id"`
	CIDRBlock           string `json:"cidr_block"`
	AvailabilityZone    string `json:"availability_zone"`
	MapPublicIPOnLaunch bool   `json:"map_public_ip_on_launch"`
}

// EC2ElasticIP is kind aws.ec2.eip (an Elastic IP address).
type EC2ElasticIP struct {
	PublicIP           string `json:"public_ip"`
	AllocationID       string `json:"allocation_id"`
	Domain             string `json:"domain" doc:"vpc or standard"`
	Associated         bool   `json:"associated" doc:"associated with an instance or a network interface; in IaC unknown unless the configuration associates it (an instance, a network interface, an association, a NAT gateway)"`
	InstanceID         string `json:"instance_id"`
	NetworkInterfaceID string `json:"network_interface_id"`
}

// EC2NetworkInterface is kind aws.ec2.network_interface.
type EC2NetworkInterface struct {
	Status             string   `json:"status" doc:"available (attached to nothing), in-use, attaching, detaching, associated"`
	InterfaceType      string   `json:"interface_type" doc:"interface, efa, nat_gateway, lambda, vpc_endpoint, network_load_balancer ..."`
	Description        string   `json:"description"`
	RequesterManaged   bool     `json:"requester_managed" doc:"created and managed by an AWS service"`
	SubnetID           string   `json:"subnet_id"`
	VPCID              string   `json:"vpc_id"`
	SecurityGroups     []string `json:"security_groups" doc:"security group ids"`
	AttachedInstanceID string   `json:"attached_instance_id" doc:"the instance it is attached to, if any"`
}
