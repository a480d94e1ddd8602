package cloudformation

import (
	"strconv"

	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::Glue::DataCatalogEncryptionSettings", model.KindGlueDataCatalog, func(b *builder) {
		a := model.KindGlueDataCatalog.Must(b.target)
		const base = "DataCatalogEncryptionSettings."
		a.EncryptionAtRestMode = b.str(base+"EncryptionAtRest.CatalogEncryptionMode", "encryption_at_rest_mode", "DISABLED")
		a.ConnectionPasswordEncrypted = b.boolean(base+"ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted", "connection_password_encrypted", false)
	})
	parent("AWS::Glue::SecurityConfiguration", model.KindGlueSecurityConfiguration, func(b *builder) {
		a := model.KindGlueSecurityConfiguration.Must(b.target)
		b.nameProp("Name")
		// Each mode defaults to DISABLED.
		const base = "EncryptionConfiguration."
		a.S3EncryptionMode = "DISABLED"
		for i := range b.count(base+"S3Encryptions", "s3_encryption_mode") {
			if m := b.str(base+"S3Encryptions["+strconv.Itoa(i)+"].S3EncryptionMode", "s3_encryption_mode", "DISABLED"); m != "DISABLED" {
				a.S3EncryptionMode = m
			}
		}
		a.CloudWatchEncryptionMode = b.str(base+"CloudWatchEncryption.CloudWatchEncryptionMode", "cloudwatch_encryption_mode", "DISABLED")
		a.JobBookmarksEncryptionMode = b.str(base+"JobBookmarksEncryption.JobBookmarksEncryptionMode", "job_bookmarks_encryption_mode", "DISABLED")
	})
	parent("AWS::Glue::Job", model.KindGlueJob, func(b *builder) {
		a := model.KindGlueJob.Must(b.target)
		b.nameProp("Name")
		a.SecurityConfiguration = b.str("SecurityConfiguration", "security_configuration", "")
	})
}
