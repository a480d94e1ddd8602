package aws

import (
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	backuptypes "github.com/aws/aws-sdk-go-v2/service/backup/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedBackup creates an unlocked vault and a locked one, a plan keeping
// backups a week and one keeping them 35 days.
func seedBackup(t *testing.T, srv *moto.Server) {
	t.Helper()
	client := backup.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	must(client.CreateBackupVault(ctx, &backup.CreateBackupVaultInput{BackupVaultName: aws.String("open")}))
	must(client.CreateBackupVault(ctx, &backup.CreateBackupVaultInput{BackupVaultName: aws.String("closed"),
		EncryptionKeyArn: aws.String("arn:aws:kms:us-east-1:123456789012:key/1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809")}))
	must(client.PutBackupVaultLockConfiguration(ctx, &backup.PutBackupVaultLockConfigurationInput{BackupVaultName: aws.String("closed"),
		MinRetentionDays: aws.Int64(35), MaxRetentionDays: aws.Int64(3650)}))
	for name, days := range map[string]int64{"week": 7, "month": 35} {
		must(client.CreateBackupPlan(ctx, &backup.CreateBackupPlanInput{BackupPlan: &backuptypes.BackupPlanInput{BackupPlanName: aws.String(name),
			Rules: []backuptypes.BackupRuleInput{{RuleName: aws.String("daily"), TargetBackupVaultName: aws.String("closed"),
				ScheduleExpression: aws.String("cron(0 3 * * ? *)"), Lifecycle: &backuptypes.Lifecycle{DeleteAfterDays: aws.Int64(days)}}}}}))
	}
}

// moto has no GetBackupVaultAccessPolicy nor
// ListRecoveryPointsByBackupVault: the answers below follow the shapes in
// the AWS Backup API reference (a vault without a policy answers 404
// ResourceNotFoundException).
func backupFakes() map[string]http.HandlerFunc {
	reply := func(status int, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			if status != http.StatusOK {
				w.Header().Set("X-Amzn-Errortype", "ResourceNotFoundException")
			}
			w.WriteHeader(status)
			_, _ = io.WriteString(w, body)
		}
	}
	return map[string]http.HandlerFunc{
		"/backup-vaults/open/access-policy":     reply(http.StatusOK, `{"BackupVaultName":"open","Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"backup:*\",\"Resource\":\"*\"}]}"}`),
		"/backup-vaults/closed/access-policy":   reply(http.StatusNotFound, `{"Message":"no policy"}`),
		"/backup-vaults/open/recovery-points":   reply(http.StatusOK, `{"RecoveryPoints":[{"RecoveryPointArn":"arn:aws:backup:us-east-1:123456789012:recovery-point:1","IsEncrypted":false,"ResourceType":"EFS"},{"RecoveryPointArn":"arn:aws:backup:us-east-1:123456789012:recovery-point:2","IsEncrypted":true,"ResourceType":"EBS"}]}`),
		"/backup-vaults/closed/recovery-points": reply(http.StatusOK, `{"RecoveryPoints":[]}`),
	}
}

func TestBackupAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedBackup(t, srv)
	res := collectMoto(t, restFake(t, srv, backupFakes()), []string{"backup"})
	noErrors(t, res)

	v := byKind(res, "aws.backup.vault")
	if v["open"] == nil || v["closed"] == nil {
		t.Fatalf("vaults: %v", v)
	}
	if v["closed"].ID != "arn:aws:backup:us-east-1:123456789012:backup-vault:closed" {
		t.Errorf("id: %s", v["closed"].ID)
	}
	if a := v["open"].Attributes.(*model.BackupVault); a.Locked || a.Policy == nil || a.UnencryptedRecoveryPoints != 1 {
		t.Errorf("open: %+v", a)
	}
	if a := v["closed"].Attributes.(*model.BackupVault); !a.Locked || a.Policy != nil || a.UnencryptedRecoveryPoints != 0 {
		t.Errorf("closed: %+v", a)
	}
	p := byKind(res, "aws.backup.plan")
	if p["week"] == nil || p["month"] == nil {
		t.Fatalf("plans: %v", p)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-BACKUP-002", "AWS-BACKUP-003", "AWS-BACKUP-004"} {
		if !fails["open"][id] || fails["closed"][id] {
			t.Errorf("%s: open %v, closed %v", id, fails["open"], fails["closed"])
		}
	}
	if !fails["week"]["AWS-BACKUP-006"] || fails["month"]["AWS-BACKUP-006"] {
		t.Errorf("AWS-BACKUP-006: week %v, month %v", fails["week"], fails["month"])
	}
}
