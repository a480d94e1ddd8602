package model

import "strings"

// Attribute structs of AWS kinds. Field names are the JSON names rules see.
// Adapters fill every field with its effective value (applying the
// provider's defaults); a value that cannot be known before apply is left at
// its zero value and its path is listed in Resource.Unknown.

// AWSAccount is kind aws.account: account-wide settings.
type AWSAccount struct {
	PasswordPolicy        *AWSPasswordPolicy   `json:"password_policy" doc:"null when it could not be read (or IaC does not declare one); an account without a policy has all-zero values"`
	S3PublicAccessBlock   *S3PublicAccessBlock `json:"s3_public_access_block" doc:"account-level S3 block public access; null when it could not be read (or IaC does not declare one); an account without one has all four false"`
	RootMFAEnabled        *bool                `json:"root_mfa_enabled" doc:"null when not known (IaC)"`
	RootAccessKeysPresent *bool                `json:"root_access_keys_present" doc:"null when not known (IaC)"`
	ShieldAdvanced        *bool                `json:"shield_advanced" doc:"subscribed to Shield Advanced; null when not known"`
}

// AWSPasswordPolicy is the IAM account password policy.
type AWSPasswordPolicy struct {
	MinimumLength           int  `json:"minimum_length"`
	RequireUppercase        bool `json:"require_uppercase"`
	RequireLowercase        bool `json:"require_lowercase"`
	RequireNumbers          bool `json:"require_numbers"`
	RequireSymbols          bool `json:"require_symbols"`
	AllowUsersToChange      bool `json:"allow_users_to_change"`
	MaxPasswordAge          int  `json:"max_password_age" doc:"days; 0 means passwords never expire"`
	PasswordReusePrevention int  `json:"password_reuse_prevention" doc:"0 means reuse is not prevented"`
	HardExpiry              bool `json:"hard_expiry"`
}

// AWSRegion is kind aws.region: region-wide settings.
type AWSRegion struct {
	EBSEncryptionByDefault *bool `json:"ebs_encryption_by_default" doc:"null when not known"`
	GuardDutyEnabled       *bool `json:"guardduty_enabled" doc:"null when not known"`
	ConfigRecording        *bool `json:"config_recording" doc:"null when not known"`
	AccessAnalyzerEnabled  *bool `json:"access_analyzer_enabled" doc:"null when not known"`
	SecurityHubEnabled     *bool `json:"security_hub_enabled" doc:"Security Hub is enabled in the region; null when not known"`
	CloudTrailLogging      *bool `json:"cloudtrail_logging" doc:"a logging trail covers the region (a multi-region trail, or one homed here); null when not known"`
	// SecurityHubStandards is null when not known (or Security Hub is off).
	SecurityHubStandards []string `json:"security_hub_standards" doc:"ARNs of the standards enabled in Security Hub (ready or incomplete subscriptions); null when not known"`
}

// S3PublicAccessBlock is a bucket- or account-level public access block.
type S3PublicAccessBlock struct {
	BlockPublicACLs       bool `json:"block_public_acls"`
	IgnorePublicACLs      bool `json:"ignore_public_acls"`
	BlockPublicPolicy     bool `json:"block_public_policy"`
	RestrictPublicBuckets bool `json:"restrict_public_buckets"`
}

// S3Grant is one ACL grant.
type S3Grant struct {
	GranteeType string `json:"grantee_type" doc:"CanonicalUser, Group or AmazonCustomerByEmail"`
	GranteeID   string `json:"grantee_id,omitempty"`
	GranteeURI  string `json:"grantee_uri,omitempty" doc:"for groups, e.g. http://acs.amazonaws.com/groups/global/AllUsers"`
	Permission  string `json:"permission" doc:"READ, WRITE, READ_ACP, WRITE_ACP, FULL_CONTROL"`
}

// S3Bucket is kind aws.s3.bucket, joined from the bucket and its ACL,
// policy, public access block, encryption, versioning, logging, object lock
// and lifecycle settings.
type S3Bucket struct {
	Name              string               `json:"name"`
	CannedACL         string               `json:"canned_acl" doc:"private, public-read, public-read-write, authenticated-read ... empty when grants are explicit"`
	Grants            []S3Grant            `json:"grants"`
	Policy            *PolicyDocument      `json:"policy" doc:"null when the bucket has no policy"`
	PublicAccessBlock *S3PublicAccessBlock `json:"public_access_block" doc:"null when no bucket-level block is configured"`
	Encryption        S3Encryption         `json:"encryption"`
	Versioning        S3Versioning         `json:"versioning"`
	Logging           S3Logging            `json:"logging"`
	ObjectLockEnabled bool                 `json:"object_lock_enabled"`
	LifecycleRules    int                  `json:"lifecycle_rules" doc:"number of enabled lifecycle rules"`
	ObjectOwnership   string               `json:"object_ownership" doc:"BucketOwnerEnforced disables ACLs"`
}

// S3Encryption is a bucket's default encryption.
type S3Encryption struct {
	Enabled          bool   `json:"enabled" doc:"a default encryption configuration exists"`
	Algorithm        string `json:"algorithm" doc:"AES256, aws:kms or aws:kms:dsse"`
	KMSKeyID         string `json:"kms_key_id"`
	BucketKeyEnabled bool   `json:"bucket_key_enabled"`
}

// S3Versioning is a bucket's versioning state.
type S3Versioning struct {
	Enabled   bool `json:"enabled"`
	MFADelete bool `json:"mfa_delete"`
}

// S3Logging is a bucket's server access logging.
type S3Logging struct {
	Enabled      bool   `json:"enabled"`
	TargetBucket string `json:"target_bucket"`
}

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
}

// EC2LaunchTemplate is kind aws.ec2.launch_template.
type EC2LaunchTemplate struct {
	Name            string          `json:"name"`
	MetadataOptions MetadataOptions `json:"metadata_options"`
	BlockDevices    []BlockDevice   `json:"block_devices"`
	HasPublicIP     bool            `json:"has_public_ip"`
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
	Public bool `json:"public" doc:"launch permission includes group all"`
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

// LBListener is one listener of a load balancer.
type LBListener struct {
	Port          int    `json:"port"`
	Protocol      string `json:"protocol" doc:"upper-case: HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, SSL"`
	SSLPolicy     string `json:"ssl_policy"`
	DefaultAction string `json:"default_action" doc:"forward, redirect, fixed-response, authenticate-oidc ..."`
	RedirectProto string `json:"redirect_protocol" doc:"for redirect actions, the target protocol, e.g. HTTPS"`
}

// ELBv2LoadBalancer is kind aws.elbv2.load_balancer (ALB, NLB, GWLB).
type ELBv2LoadBalancer struct {
	Name                    string       `json:"name"`
	Type                    string       `json:"type" doc:"application, network or gateway"`
	InternetFacing          bool         `json:"internet_facing"`
	Listeners               []LBListener `json:"listeners"`
	WAFWebACL               string       `json:"waf_web_acl" doc:"associated WAFv2 web ACL, empty when none"`
	AccessLogsEnabled       bool         `json:"access_logs_enabled"`
	DropInvalidHeaderFields bool         `json:"drop_invalid_header_fields"`
	DeletionProtection      bool         `json:"deletion_protection"`
	SecurityGroups          []string     `json:"security_groups"`
	Subnets                 []string     `json:"subnets"`
}

// ELBLoadBalancer is kind aws.elb.load_balancer (classic).
type ELBLoadBalancer struct {
	Name              string       `json:"name"`
	InternetFacing    bool         `json:"internet_facing"`
	Listeners         []LBListener `json:"listeners"`
	AccessLogsEnabled bool         `json:"access_logs_enabled"`
}

// RDSInstance is kind aws.rds.instance.
type RDSInstance struct {
	Engine                     string `json:"engine"`
	EngineVersion              string `json:"engine_version"`
	InstanceClass              string `json:"instance_class"`
	StorageEncrypted           bool   `json:"storage_encrypted"`
	KMSKeyID                   string `json:"kms_key_id"`
	PubliclyAccessible         bool   `json:"publicly_accessible"`
	BackupRetentionPeriod      int    `json:"backup_retention_period" doc:"days"`
	DeletionProtection         bool   `json:"deletion_protection"`
	IAMAuthenticationEnabled   bool   `json:"iam_database_authentication_enabled"`
	AutoMinorVersionUpgrade    bool   `json:"auto_minor_version_upgrade"`
	MultiAZ                    bool   `json:"multi_az"`
	ClusterIdentifier          string `json:"cluster_identifier" doc:"set when the instance belongs to an Aurora cluster"`
	PerformanceInsightsEnabled bool   `json:"performance_insights_enabled"`
}

// RDSCluster is kind aws.rds.cluster.
type RDSCluster struct {
	Engine                   string `json:"engine"`
	StorageEncrypted         bool   `json:"storage_encrypted"`
	KMSKeyID                 string `json:"kms_key_id"`
	BackupRetentionPeriod    int    `json:"backup_retention_period"`
	DeletionProtection       bool   `json:"deletion_protection"`
	IAMAuthenticationEnabled bool   `json:"iam_database_authentication_enabled"`
}

// RDSSnapshot is kind aws.rds.snapshot.
type RDSSnapshot struct {
	Encrypted bool `json:"encrypted"`
	Public    bool `json:"public" doc:"restore attribute includes all"`
}

// EFSFileSystem is kind aws.efs.file_system.
type EFSFileSystem struct {
	Encrypted bool   `json:"encrypted"`
	KMSKeyID  string `json:"kms_key_id"`
}

// SNSTopic is kind aws.sns.topic.
type SNSTopic struct {
	Name           string          `json:"name"`
	KMSMasterKeyID string          `json:"kms_master_key_id" doc:"empty when the topic is not encrypted"`
	Policy         *PolicyDocument `json:"policy"`
	// Subscriptions tell whether anyone receives what the topic publishes.
	Subscriptions int `json:"subscriptions" doc:"confirmed subscriptions (live); subscriptions the configuration declares (IaC)"`
}

// SQSQueue is kind aws.sqs.queue.
type SQSQueue struct {
	Name                 string          `json:"name"`
	KMSMasterKeyID       string          `json:"kms_master_key_id"`
	SQSManagedSSEEnabled bool            `json:"sqs_managed_sse_enabled"`
	Policy               *PolicyDocument `json:"policy"`
}

// KMSKey is kind aws.kms.key.
type KMSKey struct {
	Description        string          `json:"description"`
	KeySpec            string          `json:"key_spec" doc:"SYMMETRIC_DEFAULT, RSA_2048 ..."`
	KeyUsage           string          `json:"key_usage"`
	KeyManager         string          `json:"key_manager" doc:"CUSTOMER or AWS"`
	Enabled            bool            `json:"enabled"`
	RotationEnabled    bool            `json:"rotation_enabled"`
	DeletionWindowDays int             `json:"deletion_window_days"`
	Policy             *PolicyDocument `json:"policy"`
}

// IAMInlinePolicy is a policy embedded in a user, group or role.
type IAMInlinePolicy struct {
	Name     string          `json:"name"`
	Document *PolicyDocument `json:"document"`
}

// IAMPolicy is kind aws.iam.policy (a customer-managed policy).
type IAMPolicy struct {
	Name        string          `json:"name"`
	Path        string          `json:"path"`
	Document    *PolicyDocument `json:"document" doc:"the default version's document"`
	Attachments int             `json:"attachments" doc:"number of users, groups and roles it is attached to"`
}

// IAMRole is kind aws.iam.role.
type IAMRole struct {
	Name                string            `json:"name"`
	Path                string            `json:"path"`
	AssumeRolePolicy    *PolicyDocument   `json:"assume_role_policy"`
	InlinePolicies      []IAMInlinePolicy `json:"inline_policies"`
	AttachedPolicies    []string          `json:"attached_policies" doc:"managed policy ARNs"`
	PermissionsBoundary string            `json:"permissions_boundary"`
	MaxSessionDuration  int               `json:"max_session_duration"`
}

// IAMUser is kind aws.iam.user.
type IAMUser struct {
	Name             string            `json:"name"`
	Path             string            `json:"path"`
	InlinePolicies   []IAMInlinePolicy `json:"inline_policies"`
	AttachedPolicies []string          `json:"attached_policies"`
	Groups           []string          `json:"groups"`
	LoginProfile     bool              `json:"login_profile" doc:"the user has a console password"`
	MFAEnabled       *bool             `json:"mfa_enabled" doc:"null when not known (IaC)"`
	AccessKeys       []IAMAccessKey    `json:"access_keys"`
}

// IAMAccessKey is one access key of a user.
type IAMAccessKey struct {
	ID       string `json:"id"`
	Active   bool   `json:"active"`
	AgeDays  int    `json:"age_days"`
	LastUsed string `json:"last_used"`
}

// IAMGroup is kind aws.iam.group.
type IAMGroup struct {
	Name             string            `json:"name"`
	InlinePolicies   []IAMInlinePolicy `json:"inline_policies"`
	AttachedPolicies []string          `json:"attached_policies"`
}

// CloudTrailTrail is kind aws.cloudtrail.trail.
type CloudTrailTrail struct {
	Name                       string `json:"name"`
	IsLogging                  bool   `json:"is_logging"`
	IsMultiRegion              bool   `json:"is_multi_region"`
	IncludeGlobalServiceEvents bool   `json:"include_global_service_events"`
	LogFileValidationEnabled   bool   `json:"log_file_validation_enabled"`
	KMSKeyID                   string `json:"kms_key_id"`
	S3BucketName               string `json:"s3_bucket_name"`
	CloudWatchLogsGroupARN     string `json:"cloudwatch_logs_group_arn"`
	IsOrganizationTrail        bool   `json:"is_organization_trail"`
}

// LambdaPermission is one statement of a function's resource policy.
type LambdaPermission struct {
	StatementID         string `json:"statement_id"`
	Action              string `json:"action"`
	Principal           string `json:"principal"`
	SourceARN           string `json:"source_arn"`
	SourceAccount       string `json:"source_account"`
	PrincipalOrg        string `json:"principal_org_id"`
	FunctionURLAuthType string `json:"function_url_auth_type"`
}

// LambdaFunction is kind aws.lambda.function.
type LambdaFunction struct {
	Name                string             `json:"name"`
	Runtime             string             `json:"runtime"`
	Role                string             `json:"role"`
	KMSKeyARN           string             `json:"kms_key_arn"`
	TracingMode         string             `json:"tracing_mode" doc:"Active or PassThrough"`
	EnvironmentVarNames []string           `json:"environment_variable_names"`
	Permissions         []LambdaPermission `json:"permissions"`
	URLAuthType         string             `json:"url_auth_type" doc:"NONE or AWS_IAM; empty when the function has no URL"`
	VPCConfigured       bool               `json:"vpc_configured"`
}

// ECRRepository is kind aws.ecr.repository.
type ECRRepository struct {
	Name               string          `json:"name"`
	ScanOnPush         bool            `json:"scan_on_push"`
	ImageTagMutability string          `json:"image_tag_mutability" doc:"MUTABLE or IMMUTABLE"`
	EncryptionType     string          `json:"encryption_type" doc:"AES256 or KMS"`
	Policy             *PolicyDocument `json:"policy"`
}

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

// DynamoDBTable is kind aws.dynamodb.table.
type DynamoDBTable struct {
	Name                string `json:"name"`
	PointInTimeRecovery bool   `json:"point_in_time_recovery"`
	SSEEnabled          bool   `json:"sse_enabled" doc:"encrypted with a KMS key (AWS managed or customer managed) rather than an AWS owned key"`
	KMSKeyARN           string `json:"kms_key_arn"`
}

// CloudWatchLogGroup is kind aws.logs.log_group.
type CloudWatchLogGroup struct {
	Name            string `json:"name"`
	KMSKeyID        string `json:"kms_key_id"`
	RetentionInDays int    `json:"retention_in_days" doc:"0 means never expire"`
	// MetricFilters feed the CIS monitoring controls' alarms.
	MetricFilters []LogMetricFilter `json:"metric_filters" doc:"metric filters on the group's events"`
}

// LogMetricFilter is a metric filter of a log group: the events its
// pattern matches count into a metric.
type LogMetricFilter struct {
	Name            string   `json:"name"`
	Pattern         string   `json:"pattern" doc:"the filter pattern as written"`
	Conditions      []string `json:"conditions" doc:"the conditions of a JSON filter pattern, normalized (FilterConditions): \"$.eventName = ConsoleLogin\", \"$.userIdentity.invokedBy NOT EXISTS\"; empty for other patterns"`
	MetricName      string   `json:"metric_name"`
	MetricNamespace string   `json:"metric_namespace"`
	MetricValue     string   `json:"metric_value"`
}

// SecretsManagerSecret is kind aws.secretsmanager.secret.
type SecretsManagerSecret struct {
	Name            string `json:"name"`
	KMSKeyID        string `json:"kms_key_id"`
	RotationEnabled bool   `json:"rotation_enabled"`
}

// ElastiCacheReplicationGroup is kind aws.elasticache.replication_group.
type ElastiCacheReplicationGroup struct {
	AtRestEncryption  bool `json:"at_rest_encryption_enabled"`
	TransitEncryption bool `json:"transit_encryption_enabled"`
	AuthTokenSet      bool `json:"auth_token_set"`
}

// RedshiftCluster is kind aws.redshift.cluster.
type RedshiftCluster struct {
	Encrypted          bool `json:"encrypted"`
	PubliclyAccessible bool `json:"publicly_accessible"`
	LoggingEnabled     bool `json:"logging_enabled"`
}

// OpenSearchDomain is kind aws.opensearch.domain.
type OpenSearchDomain struct {
	EncryptAtRest     bool            `json:"encrypt_at_rest"`
	NodeToNode        bool            `json:"node_to_node_encryption"`
	EnforceHTTPS      bool            `json:"enforce_https"`
	TLSSecurityPolicy string          `json:"tls_security_policy"`
	VPCConfigured     bool            `json:"vpc_configured"`
	AccessPolicy      *PolicyDocument `json:"access_policy"`
}

// CloudFrontDistribution is kind aws.cloudfront.distribution.
type CloudFrontDistribution struct {
	ViewerProtocolPolicies []string `json:"viewer_protocol_policies" doc:"of the default and every ordered cache behavior: allow-all, redirect-to-https, https-only"`
	MinimumProtocolVersion string   `json:"minimum_protocol_version" doc:"e.g. TLSv1.2_2021; empty with the default certificate"`
	DefaultCertificate     bool     `json:"default_certificate"`
	WAFWebACL              string   `json:"waf_web_acl"`
	LoggingEnabled         bool     `json:"logging_enabled"`
}

// GuardDutyDetector is kind aws.guardduty.detector.
type GuardDutyDetector struct {
	Enabled bool `json:"enabled"`
}

// ConfigRecorder is kind aws.config.recorder.
type ConfigRecorder struct {
	Name                       string `json:"name"`
	Recording                  bool   `json:"recording"`
	AllSupported               bool   `json:"all_supported"`
	IncludeGlobalResourceTypes bool   `json:"include_global_resource_types"`
}

// APIGatewayStage is kind aws.apigateway.stage.
type APIGatewayStage struct {
	Name              string `json:"name"`
	AccessLogsEnabled bool   `json:"access_logs_enabled"`
	XRayTracing       bool   `json:"xray_tracing_enabled"`
	CacheEncrypted    bool   `json:"cache_encrypted"`
	WAFWebACL         string `json:"waf_web_acl"`
}

func init() {
	for _, k := range []struct {
		name, desc string
		attrs      any
	}{
		{"aws.account", "AWS account-wide settings (password policy, account S3 public access block, root)", AWSAccount{}},
		{"aws.region", "AWS region-wide settings (EBS default encryption, GuardDuty, Config)", AWSRegion{}},
		{"aws.s3.bucket", "S3 bucket with its ACL, policy, public access block, encryption, versioning and logging", S3Bucket{}},
		{"aws.ec2.security_group", "EC2/VPC security group with all its rules", EC2SecurityGroup{}},
		{"aws.ec2.network_acl", "VPC network ACL", EC2NetworkACL{}},
		{"aws.ec2.instance", "EC2 instance", EC2Instance{}},
		{"aws.ec2.launch_template", "EC2 launch template", EC2LaunchTemplate{}},
		{"aws.ec2.volume", "EBS volume", EC2Volume{}},
		{"aws.ec2.snapshot", "EBS snapshot", EC2Snapshot{}},
		{"aws.ec2.image", "owned AMI", EC2Image{}},
		{"aws.ec2.vpc", "VPC", EC2VPC{}},
		{"aws.ec2.subnet", "VPC subnet", EC2Subnet{}},
		{"aws.elbv2.load_balancer", "application, network or gateway load balancer", ELBv2LoadBalancer{}},
		{"aws.elb.load_balancer", "classic load balancer", ELBLoadBalancer{}},
		{"aws.rds.instance", "RDS DB instance", RDSInstance{}},
		{"aws.rds.cluster", "RDS/Aurora DB cluster", RDSCluster{}},
		{"aws.rds.snapshot", "RDS DB snapshot", RDSSnapshot{}},
		{"aws.efs.file_system", "EFS file system", EFSFileSystem{}},
		{"aws.sns.topic", "SNS topic", SNSTopic{}},
		{"aws.sqs.queue", "SQS queue", SQSQueue{}},
		{"aws.kms.key", "KMS key", KMSKey{}},
		{"aws.iam.policy", "customer-managed IAM policy", IAMPolicy{}},
		{"aws.iam.role", "IAM role", IAMRole{}},
		{"aws.iam.user", "IAM user", IAMUser{}},
		{"aws.iam.group", "IAM group", IAMGroup{}},
		{"aws.cloudtrail.trail", "CloudTrail trail", CloudTrailTrail{}},
		{"aws.lambda.function", "Lambda function with its resource policy and URL", LambdaFunction{}},
		{"aws.ecr.repository", "ECR repository", ECRRepository{}},
		{"aws.eks.cluster", "EKS cluster", EKSCluster{}},
		{"aws.dynamodb.table", "DynamoDB table", DynamoDBTable{}},
		{"aws.logs.log_group", "CloudWatch Logs log group", CloudWatchLogGroup{}},
		{"aws.secretsmanager.secret", "Secrets Manager secret", SecretsManagerSecret{}},
		{"aws.elasticache.replication_group", "ElastiCache replication group", ElastiCacheReplicationGroup{}},
		{"aws.redshift.cluster", "Redshift cluster", RedshiftCluster{}},
		{"aws.opensearch.domain", "OpenSearch / Elasticsearch domain", OpenSearchDomain{}},
		{"aws.cloudfront.distribution", "CloudFront distribution", CloudFrontDistribution{}},
		{"aws.guardduty.detector", "GuardDuty detector", GuardDutyDetector{}},
		{"aws.config.recorder", "AWS Config configuration recorder", ConfigRecorder{}},
		{"aws.apigateway.stage", "API Gateway REST API stage", APIGatewayStage{}},
		{"aws.organizations.policy", "AWS Organizations service control policy", OrganizationsPolicy{}},
		{"aws.ssm.managed_instance", "SSM managed instance with its patch compliance", SSMManagedInstance{}},
		{"aws.acm.certificate", "ACM certificate", ACMCertificate{}},
		{"aws.cloudwatch.alarm", "CloudWatch metric alarm", CloudWatchAlarm{}},
	} {
		RegisterKind(k.name, k.desc, k.attrs)
	}
}

// OrganizationsPolicy is kind aws.organizations.policy (a service control
// policy, read from the management account).
type OrganizationsPolicy struct {
	Name     string          `json:"name"`
	Type     string          `json:"type" doc:"SERVICE_CONTROL_POLICY"`
	Document *PolicyDocument `json:"document"`
	Targets  int             `json:"targets" doc:"number of roots, OUs and accounts it is attached to"`
}

// SSMManagedInstance is kind aws.ssm.managed_instance.
type SSMManagedInstance struct {
	InstanceID     string `json:"instance_id"`
	PingStatus     string `json:"ping_status" doc:"Online, ConnectionLost or Inactive"`
	PatchCompliant *bool  `json:"patch_compliant" doc:"patch compliance status is COMPLIANT; null when no patch compliance is reported"`
}

// ACMCertificate is kind aws.acm.certificate.
type ACMCertificate struct {
	Domain       string `json:"domain"`
	Status       string `json:"status" doc:"ISSUED, PENDING_VALIDATION, EXPIRED, REVOKED ..."`
	NotAfter     string `json:"not_after" doc:"expiry, RFC 3339; empty when not issued"`
	KeyAlgorithm string `json:"key_algorithm" doc:"RSA_2048, EC_prime256v1 ..."`
	InUse        bool   `json:"in_use" doc:"associated with at least one AWS resource"`
}

// CloudWatchAlarm is kind aws.cloudwatch.alarm (a metric alarm).
type CloudWatchAlarm struct {
	Name           string `json:"name"`
	MetricName     string `json:"metric_name"`
	Namespace      string `json:"namespace"`
	ActionsEnabled bool   `json:"actions_enabled"`
	AlarmActions   int    `json:"alarm_actions" doc:"number of actions run when the alarm fires"`
	// AlarmActionARNs name where the alarm notifies.
	AlarmActionARNs []string `json:"alarm_action_arns" doc:"the actions run when the alarm fires (SNS topics, Auto Scaling, EC2 actions); in IaC a topic of the configuration is also a notifies relation to its resource id"`
}

// IAMOIDCProvider is kind aws.iam.oidc_provider: an OpenID Connect
// identity provider that roles can trust for web identities.
type IAMOIDCProvider struct {
	URL         string   `json:"url" doc:"issuer without https://, e.g. token.actions.githubusercontent.com"`
	ClientIDs   []string `json:"client_ids" doc:"allowed audiences"`
	Thumbprints []string `json:"thumbprints" doc:"server certificate thumbprints"`
}

// IAMSAMLProvider is kind aws.iam.saml_provider.
type IAMSAMLProvider struct {
	Name       string `json:"name"`
	ValidUntil string `json:"valid_until" doc:"metadata expiry, RFC 3339; empty when not known"`
}

func init() {
	RegisterKind("aws.iam.oidc_provider", "IAM OpenID Connect identity provider", IAMOIDCProvider{})
	RegisterKind("aws.iam.saml_provider", "IAM SAML identity provider", IAMSAMLProvider{})
}

// EC2Route is one route of a route table.
type EC2Route struct {
	DestinationCIDR       string `json:"destination_cidr"`
	DestinationIPv6CIDR   string `json:"destination_ipv6_cidr"`
	DestinationPrefixList string `json:"destination_prefix_list"`
	TargetType            string `json:"target_type" doc:"local, internet_gateway, egress_only_internet_gateway, nat_gateway, instance, network_interface, vpc_peering_connection, transit_gateway, vpc_endpoint, carrier_gateway, local_gateway, core_network"`
	Target                string `json:"target" doc:"the target's id (\"local\" for the VPC's own range)"`
	State                 string `json:"state" doc:"active or blackhole"`
}

// EC2RouteTable is kind aws.ec2.route_table.
type EC2RouteTable struct {
	VPCID   string     `json:"vpc_id"`
	IsMain  bool       `json:"is_main" doc:"the VPC's main route table (used by subnets without an explicit association)"`
	Subnets []string   `json:"subnets" doc:"explicitly associated subnet ids"`
	Routes  []EC2Route `json:"routes"`
}

// EC2InternetGateway is kind aws.ec2.internet_gateway.
type EC2InternetGateway struct {
	VPCIDs []string `json:"vpc_ids" doc:"attached VPCs"`
}

// EC2NATGateway is kind aws.ec2.nat_gateway.
type EC2NATGateway struct {
	VPCID            string   `json:"vpc_id"`
	SubnetID         string   `json:"subnet_id"`
	ConnectivityType string   `json:"connectivity_type" doc:"public or private"`
	PublicIPs        []string `json:"public_ips"`
	State            string   `json:"state"`
}

// EC2VPCEndpoint is kind aws.ec2.vpc_endpoint.
type EC2VPCEndpoint struct {
	VPCID             string          `json:"vpc_id"`
	ServiceName       string          `json:"service_name" doc:"e.g. com.amazonaws.us-east-1.s3"`
	Type              string          `json:"type" doc:"Interface, Gateway or GatewayLoadBalancer"`
	Policy            *PolicyDocument `json:"policy" doc:"null when the endpoint has no policy (full access)"`
	PrivateDNSEnabled bool            `json:"private_dns_enabled"`
	Subnets           []string        `json:"subnets"`
	RouteTables       []string        `json:"route_tables"`
	SecurityGroups    []string        `json:"security_groups"`
	State             string          `json:"state"`
}

func init() {
	RegisterKind("aws.ec2.route_table", "VPC route table with its routes and subnet associations", EC2RouteTable{})
	RegisterKind("aws.ec2.internet_gateway", "VPC internet gateway", EC2InternetGateway{})
	RegisterKind("aws.ec2.nat_gateway", "VPC NAT gateway", EC2NATGateway{})
	RegisterKind("aws.ec2.vpc_endpoint", "VPC endpoint (interface, gateway or load balancer)", EC2VPCEndpoint{})
}

// WAFv2WebACL is kind aws.wafv2.web_acl.
type WAFv2WebACL struct {
	Name                     string   `json:"name"`
	Scope                    string   `json:"scope" doc:"REGIONAL or CLOUDFRONT"`
	DefaultAction            string   `json:"default_action" doc:"allow or block"`
	Rules                    int      `json:"rules" doc:"number of rules"`
	ManagedRuleGroups        []string `json:"managed_rule_groups" doc:"vendor/name of each managed rule group used"`
	RateBasedRules           int      `json:"rate_based_rules"`
	LoggingEnabled           bool     `json:"logging_enabled"`
	ManagedByFirewallManager bool     `json:"managed_by_firewall_manager"`
}

func init() {
	RegisterKind("aws.wafv2.web_acl", "WAFv2 web ACL (regional or CloudFront)", WAFv2WebACL{})
}
