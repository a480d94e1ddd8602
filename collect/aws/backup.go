package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	backuptypes "github.com/aws/aws-sdk-go-v2/service/backup/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("backup", false, collectBackup) }

// collectBackup reads every vault (ListBackupVaults, then per vault its
// access policy and recovery points) into aws.backup.vault, and every plan
// (ListBackupPlans, then GetBackupPlan) into aws.backup.plan.
func collectBackup(ctx context.Context, s *scope) {
	client := backup.NewFromConfig(s.Config())
	var vaults []backuptypes.BackupVaultListMember
	p := backup.NewListBackupVaultsPaginator(client, &backup.ListBackupVaultsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListBackupVaults", err)
			return
		}
		vaults = append(vaults, page.BackupVaultList...)
	}
	forEach(s, vaults, func(v backuptypes.BackupVaultListMember) {
		a := &model.BackupVault{KMSKeyARN: aws.ToString(v.EncryptionKeyArn), Locked: aws.ToBool(v.Locked)}
		raw := map[string]any{"BackupVault": v}
		var rels []model.Relation
		if a.KMSKeyARN != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.KMSKeyARN})
		}
		rd := s.reads(aws.ToString(v.BackupVaultArn))
		rd.call("GetBackupVaultAccessPolicy", []string{"policy"}, func() error {
			out, err := client.GetBackupVaultAccessPolicy(ctx, &backup.GetBackupVaultAccessPolicyInput{BackupVaultName: v.BackupVaultName})
			if awsCodeIn(err, "ResourceNotFoundException") {
				return nil // no access policy
			}
			if err != nil {
				return err
			}
			if pol := aws.ToString(out.Policy); pol != "" {
				raw["Policy"] = pol
				a.Policy, err = model.ParsePolicyDocument(pol)
			}
			return err
		})
		rd.call("ListRecoveryPointsByBackupVault", []string{"unencrypted_recovery_points"}, func() error {
			n := 0
			rp := backup.NewListRecoveryPointsByBackupVaultPaginator(client, &backup.ListRecoveryPointsByBackupVaultInput{BackupVaultName: v.BackupVaultName})
			for rp.HasMorePages() {
				page, err := rp.NextPage(ctx)
				if err != nil {
					return err
				}
				for _, pt := range page.RecoveryPoints {
					if !pt.IsEncrypted {
						n++
					}
				}
			}
			a.UnencryptedRecoveryPoints = n
			return nil
		})
		rd.add(model.KindBackupVault.With(a), aws.ToString(v.BackupVaultName), raw, nil, rels...)
	})

	var plans []backuptypes.BackupPlansListMember
	pp := backup.NewListBackupPlansPaginator(client, &backup.ListBackupPlansInput{})
	for pp.HasMorePages() {
		page, err := pp.NextPage(ctx)
		if err != nil {
			s.fail("ListBackupPlans", err)
			return
		}
		plans = append(plans, page.BackupPlansList...)
	}
	forEach(s, plans, func(pl backuptypes.BackupPlansListMember) {
		a := &model.BackupPlan{Name: aws.ToString(pl.BackupPlanName), RetentionDays: []int{}}
		raw := map[string]any{"BackupPlan": pl}
		rd := s.reads(aws.ToString(pl.BackupPlanArn))
		rd.call("GetBackupPlan", []string{"retention_days"}, func() error {
			out, err := client.GetBackupPlan(ctx, &backup.GetBackupPlanInput{BackupPlanId: pl.BackupPlanId})
			if awsCodeIn(err, "ResourceNotFoundException") {
				return nil // deleted since it was listed
			}
			if err != nil {
				return err
			}
			if out.BackupPlan != nil {
				raw["Rules"] = out.BackupPlan.Rules
				for _, r := range out.BackupPlan.Rules {
					days := 0
					if r.Lifecycle != nil {
						days = int(aws.ToInt64(r.Lifecycle.DeleteAfterDays))
					}
					a.RetentionDays = append(a.RetentionDays, days)
				}
			}
			return nil
		})
		rd.add(model.KindBackupPlan.With(a), a.Name, raw, nil)
	})
}
