package tfaws

import "github.com/vigil-sec/vigil/model"

// EFS: aws_efs_file_system becomes aws.efs.file_system, joined with
// aws_efs_file_system_policy and aws_efs_backup_policy.
func init() {
	registerParent("aws_efs_file_system", model.KindEFSFileSystem, func(b *Builder) {
		a := model.KindEFSFileSystem.Must(b.R)
		if n, ok := b.R.Tags["Name"]; ok && n != "" {
			b.R.Name = n
		} else {
			b.NameFrom("creation_token")
		}
		a.KMSKeyID = b.String("kms_key_id", "kms_key_id", "")
		// The CreateFileSystem API (and so Terraform) defaults to
		// unencrypted; only the console encrypts by default.
		a.Encrypted = b.Bool("encrypted", "encrypted", false)
		// Automatic backups are off unless a backup policy turns them on
		// (the console, not the API, turns them on by default).
		a.AutomaticBackups = false
	})
	registerChild("aws_efs_file_system_policy", "file_system_id", []string{"aws_efs_file_system"}, func(p *Builder, c *Child) {
		model.KindEFSFileSystem.Must(p.R).Policy = c.Policy("policy", "policy")
	})
	registerChild("aws_efs_backup_policy", "file_system_id", []string{"aws_efs_file_system"}, func(p *Builder, c *Child) {
		model.KindEFSFileSystem.Must(p.R).AutomaticBackups = c.String("backup_policy[0].status", "automatic_backups", "") == "ENABLED"
	})
}
