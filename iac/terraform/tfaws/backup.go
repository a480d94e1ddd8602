package tfaws

import (
	"strconv"

	"github.com/vigil-sec/vigil/model"
)

// AWS Backup: aws_backup_vault becomes aws.backup.vault, joined by its
// aws_backup_vault_policy and aws_backup_vault_lock_configuration;
// aws_backup_plan becomes aws.backup.plan.
func init() {
	vaultTypes := []string{"aws_backup_vault"}
	registerParent("aws_backup_vault", model.KindBackupVault, func(b *Builder) {
		a := model.KindBackupVault.Must(b.R)
		b.NameFrom("name")
		// Unset, the vault uses the AWS managed key aws/backup.
		a.KMSKeyARN = b.String("kms_key_arn", "kms_key_arn", "")
		// Locked only through a lock configuration; no policy unless one
		// joins. Recovery points are made by backups, not declared.
		b.Target().MarkUnknown("unencrypted_recovery_points")
	})
	registerChild("aws_backup_vault_policy", "backup_vault_name", vaultTypes, func(p *Builder, c *Child) {
		model.KindBackupVault.Must(p.R).Policy = c.Policy("policy", "policy")
	})
	registerChild("aws_backup_vault_lock_configuration", "backup_vault_name", vaultTypes, func(p *Builder, c *Child) {
		model.KindBackupVault.Must(p.R).Locked = true
		c.locate("", "locked")
	})
	registerParent("aws_backup_plan", model.KindBackupPlan, func(b *Builder) {
		a := model.KindBackupPlan.Must(b.R)
		a.Name = b.NameFrom("name")
		a.RetentionDays = []int{}
		for i := range b.Blocks("rule") {
			p := "rule[" + strconv.Itoa(i) + "]"
			a.RetentionDays = append(a.RetentionDays, b.Int(p+".lifecycle[0].delete_after", model.Path("retention_days", i), 0))
		}
	})
}
