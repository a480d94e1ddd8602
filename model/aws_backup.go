package model

// Kinds of this service.
var (
	KindBackupVault = NewKind[BackupVault]("aws.backup.vault", "AWS Backup vault with its access policy and recovery points")
	KindBackupPlan  = NewKind[BackupPlan]("aws.backup.plan", "AWS Backup plan")
)

// BackupVault is kind aws.backup.vault.
type BackupVault struct {
	KMSKeyARN                 string          `json:"kms_key_arn" doc:"the key encrypting the vault's backups; empty in IaC when unset (the AWS managed key aws/backup)"`
	Locked                    bool            `json:"locked" doc:"a vault lock is in place (governance or compliance mode)"`
	Policy                    *PolicyDocument `json:"policy" doc:"the vault's access policy; null when it has none"`
	UnencryptedRecoveryPoints int             `json:"unencrypted_recovery_points" doc:"recovery points in the vault that are not encrypted (a live scan only: IaC declares none)"`
}

// BackupPlan is kind aws.backup.plan.
type BackupPlan struct {
	Name          string `json:"name"`
	RetentionDays []int  `json:"retention_days" doc:"each backup rule's DeleteAfterDays; 0: kept until deleted by hand"`
}
