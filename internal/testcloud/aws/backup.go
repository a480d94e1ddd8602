package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	backuptypes "github.com/aws/aws-sdk-go-v2/service/backup/types"
)

// backupWorld is AWS Backup in one region: vaults with their access
// policy and recovery points, and plans with their rules (ARNs and ids
// are filled in when absent).
type backupWorld struct {
	Vaults []backupVault `json:"vaults"`
	Plans  []backupPlan  `json:"plans"`
}

type backupVault struct {
	backuptypes.BackupVaultListMember
	Policy         string                                   `json:"policy"`
	RecoveryPoints []backuptypes.RecoveryPointByBackupVault `json:"recovery_points"`
}

type backupPlan struct {
	backuptypes.BackupPlansListMember
	Rules []backuptypes.BackupRule `json:"rules"`
}

// The Backup listings page by maxResults, 1-1000, 1000 when absent.
const backupPageSize = 1000

func init() {
	register(&service{name: "backup", signing: "backup", protocol: protoRESTJSON,
		newWorld: func() any { return &backupWorld{} },
		routes: []route{
			{method: "GET", pattern: "/backup-vaults", op: "ListBackupVaults"},
			{method: "GET", pattern: "/backup-vaults/{BackupVaultName}/access-policy", op: "GetBackupVaultAccessPolicy"},
			{method: "GET", pattern: "/backup-vaults/{BackupVaultName}/recovery-points", op: "ListRecoveryPointsByBackupVault"},
			{method: "GET", pattern: "/backup/plans", op: "ListBackupPlans"},
			{method: "GET", pattern: "/backup/plans/{BackupPlanId}", op: "GetBackupPlan"},
		},
		ops: map[string]op{
			"ListBackupVaults": func(c *call) (any, error) {
				var list []backuptypes.BackupVaultListMember
				for _, v := range backupVaults(c) {
					list = append(list, v.BackupVaultListMember)
				}
				items, next, err := page(list, c.param("nextToken"), c.intParam("maxResults", backupPageSize))
				if err != nil {
					return nil, badRequest("InvalidParameterValueException", "The nextToken is invalid.")
				}
				return &backup.ListBackupVaultsOutput{BackupVaultList: append([]backuptypes.BackupVaultListMember{}, items...), NextToken: optional(next)}, nil
			},
			"GetBackupVaultAccessPolicy": func(c *call) (any, error) {
				v, err := backupVaultNamed(c)
				if err != nil {
					return nil, err
				}
				if v.Policy == "" {
					return nil, notFound("ResourceNotFoundException", "Backup vault %s has no access policy", aws.ToString(v.BackupVaultName))
				}
				return &backup.GetBackupVaultAccessPolicyOutput{BackupVaultArn: v.BackupVaultArn, BackupVaultName: v.BackupVaultName, Policy: aws.String(v.Policy)}, nil
			},
			"ListRecoveryPointsByBackupVault": func(c *call) (any, error) {
				v, err := backupVaultNamed(c)
				if err != nil {
					return nil, err
				}
				items, next, err := page(v.RecoveryPoints, c.param("nextToken"), c.intParam("maxResults", backupPageSize))
				if err != nil {
					return nil, badRequest("InvalidParameterValueException", "The nextToken is invalid.")
				}
				return &backup.ListRecoveryPointsByBackupVaultOutput{RecoveryPoints: append([]backuptypes.RecoveryPointByBackupVault{}, items...), NextToken: optional(next)}, nil
			},
			"ListBackupPlans": func(c *call) (any, error) {
				var list []backuptypes.BackupPlansListMember
				for _, p := range backupPlans(c) {
					list = append(list, p.BackupPlansListMember)
				}
				items, next, err := page(list, c.param("nextToken"), c.intParam("maxResults", backupPageSize))
				if err != nil {
					return nil, badRequest("InvalidParameterValueException", "The nextToken is invalid.")
				}
				return &backup.ListBackupPlansOutput{BackupPlansList: append([]backuptypes.BackupPlansListMember{}, items...), NextToken: optional(next)}, nil
			},
			"GetBackupPlan": func(c *call) (any, error) {
				id := c.param("BackupPlanId")
				for _, p := range backupPlans(c) {
					if id == aws.ToString(p.BackupPlanId) {
						return &backup.GetBackupPlanOutput{BackupPlanArn: p.BackupPlanArn, BackupPlanId: p.BackupPlanId, VersionId: p.VersionId,
							BackupPlan: &backuptypes.BackupPlan{BackupPlanName: p.BackupPlanName, Rules: p.Rules}}, nil
					}
				}
				return nil, notFound("ResourceNotFoundException", "Failed reading Backup plan with provided version")
			},
		}})
}

// backupVaults are the region's vaults with their ARNs.
func backupVaults(c *call) []backupVault {
	var out []backupVault
	for _, v := range worldOf[backupWorld](c).Vaults {
		if v.BackupVaultArn == nil {
			v.BackupVaultArn = optional(c.arn("backup", "backup-vault:"+aws.ToString(v.BackupVaultName)))
		}
		out = append(out, v)
	}
	return out
}

func backupVaultNamed(c *call) (*backupVault, error) {
	name := c.param("BackupVaultName")
	for _, v := range backupVaults(c) {
		if name == aws.ToString(v.BackupVaultName) {
			return &v, nil
		}
	}
	return nil, notFound("ResourceNotFoundException", "Backup vault %s does not exist", name)
}

// backupPlans are the region's plans with their ids and ARNs.
func backupPlans(c *call) []backupPlan {
	var out []backupPlan
	for _, p := range worldOf[backupWorld](c).Plans {
		if p.BackupPlanId == nil {
			p.BackupPlanId = optional("plan-" + aws.ToString(p.BackupPlanName))
		}
		if p.BackupPlanArn == nil {
			p.BackupPlanArn = optional(c.arn("backup", "backup-plan:"+aws.ToString(p.BackupPlanId)))
		}
		out = append(out, p)
	}
	return out
}
