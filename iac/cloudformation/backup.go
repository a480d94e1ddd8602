package cloudformation

import (
	"strconv"

	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::Backup::BackupVault", model.KindBackupVault, func(b *builder) {
		a := model.KindBackupVault.Must(b.target)
		b.nameProp("BackupVaultName")
		// Unset, the vault uses the AWS managed key aws/backup.
		a.KMSKeyARN = b.str("EncryptionKeyArn", "kms_key_arn", "")
		a.Locked = b.has("LockConfiguration")
		if a.Locked {
			b.locate("LockConfiguration", "locked")
		}
		a.Policy = b.policy("AccessPolicy", "policy")
		// Recovery points are made by backups, not declared.
		b.target.MarkUnknown("unencrypted_recovery_points")
	})
	parent("AWS::Backup::BackupPlan", model.KindBackupPlan, func(b *builder) {
		a := model.KindBackupPlan.Must(b.target)
		a.Name = b.nameProp("BackupPlan.BackupPlanName")
		a.RetentionDays = []int{}
		for i := range b.count("BackupPlan.BackupPlanRule", "retention_days") {
			p := "BackupPlan.BackupPlanRule[" + strconv.Itoa(i) + "]"
			a.RetentionDays = append(a.RetentionDays, b.integer(p+".Lifecycle.DeleteAfterDays", model.Path("retention_days", i), 0))
		}
	})
}
