package model

// Kinds of this service.
var (
	KindAWSAccount = NewKind[AWSAccount]("aws.account", "AWS account-wide settings (password policy, account S3 public access block, root)")
	KindAWSRegion  = NewKind[AWSRegion]("aws.region", "AWS region-wide settings (EBS default encryption, GuardDuty, Config)")
)

// Attribute structs of AWS kinds, one file per service (model/aws_<service>.go,
// the service named as in collect/aws). Field names are the JSON names rules see.
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
	RootPasswordUsedDays  *int                 `json:"root_password_used_days" doc:"days since the root user last signed in with its password; -1 when never (since October 2014); null when not known (IaC)"`
	RootKeyUsedDays       *int                 `json:"root_key_used_days" doc:"days since an access key of the root user was last used; -1 when none ever was; null when not known (IaC)"`
	RootVirtualMFA        *bool                `json:"root_virtual_mfa" doc:"a virtual MFA device is assigned to the root user (so its MFA is not a hardware device); null when not known (IaC)"`
	SecurityContact       *bool                `json:"security_contact_registered" doc:"an alternate contact of type SECURITY is registered (Account API); null when not known (or IaC declares none)"`
	BillingContact        *bool                `json:"billing_contact_registered" doc:"an alternate contact of type BILLING is registered; null when not known (or IaC declares none)"`
	OperationsContact     *bool                `json:"operations_contact_registered" doc:"an alternate contact of type OPERATIONS is registered; null when not known (or IaC declares none)"`
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
	// EBSSnapshotBlockPublicAccess and AMIBlockPublicAccess are the
	// region's block public access states for EBS snapshots and AMIs.
	EBSSnapshotBlockPublicAccess *string `json:"ebs_snapshot_block_public_access" doc:"block-all-sharing, block-new-sharing or unblocked; null when not known"`
	AMIBlockPublicAccess         *string `json:"ami_block_public_access" doc:"block-new-sharing or unblocked; null when not known"`
	GuardDutyEnabled             *bool   `json:"guardduty_enabled" doc:"null when not known"`
	ConfigRecording              *bool   `json:"config_recording" doc:"null when not known"`
	AccessAnalyzerEnabled        *bool   `json:"access_analyzer_enabled" doc:"null when not known"`
	SecurityHubEnabled           *bool   `json:"security_hub_enabled" doc:"Security Hub is enabled in the region; null when not known"`
	CloudTrailLogging            *bool   `json:"cloudtrail_logging" doc:"a logging trail covers the region (a multi-region trail, or one homed here); null when not known"`
	// SecurityHubStandards is null when not known (or Security Hub is off).
	SecurityHubStandards []string `json:"security_hub_standards" doc:"ARNs of the standards enabled in Security Hub (ready or incomplete subscriptions); null when not known"`
}
