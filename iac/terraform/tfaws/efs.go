package tfaws

import "github.com/vigil-sec/vigil/model"

// EFS: aws_efs_file_system becomes aws.efs.file_system.
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
	})
}
