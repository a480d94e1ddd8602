package tfaws

import (
	"github.com/vigil-sec/vigil/model"
)

// Glue: aws_glue_data_catalog_encryption_settings becomes
// aws.glue.data_catalog, aws_glue_security_configuration
// aws.glue.security_configuration, aws_glue_job aws.glue.job.
func init() {
	registerParent("aws_glue_data_catalog_encryption_settings", model.KindGlueDataCatalog, func(b *Builder) {
		a := model.KindGlueDataCatalog.Must(b.R)
		const base = "data_catalog_encryption_settings[0]."
		a.EncryptionAtRestMode = b.String(base+"encryption_at_rest[0].catalog_encryption_mode", "encryption_at_rest_mode", "DISABLED")
		a.ConnectionPasswordEncrypted = b.Bool(base+"connection_password_encryption[0].return_connection_password_encrypted", "connection_password_encrypted", false)
	})
	registerParent("aws_glue_security_configuration", model.KindGlueSecurityConfiguration, func(b *Builder) {
		a := model.KindGlueSecurityConfiguration.Must(b.R)
		b.NameFrom("name")
		// Each mode defaults to DISABLED.
		const base = "encryption_configuration[0]."
		a.S3EncryptionMode = b.String(base+"s3_encryption[0].s3_encryption_mode", "s3_encryption_mode", "DISABLED")
		a.CloudWatchEncryptionMode = b.String(base+"cloudwatch_encryption[0].cloudwatch_encryption_mode", "cloudwatch_encryption_mode", "DISABLED")
		a.JobBookmarksEncryptionMode = b.String(base+"job_bookmarks_encryption[0].job_bookmarks_encryption_mode", "job_bookmarks_encryption_mode", "DISABLED")
	})
	registerParent("aws_glue_job", model.KindGlueJob, func(b *Builder) {
		a := model.KindGlueJob.Must(b.R)
		b.NameFrom("name")
		a.SecurityConfiguration = b.String("security_configuration", "security_configuration", "")
	})
}
