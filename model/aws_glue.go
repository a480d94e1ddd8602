package model

// Kinds of this service.
var (
	KindGlueDataCatalog           = NewKind[GlueDataCatalog]("aws.glue.data_catalog", "Glue Data Catalog encryption settings of one region")
	KindGlueSecurityConfiguration = NewKind[GlueSecurityConfiguration]("aws.glue.security_configuration", "Glue security configuration (encryption of S3 output, logs and job bookmarks)")
	KindGlueJob                   = NewKind[GlueJob]("aws.glue.job", "Glue ETL job")
)

// GlueDataCatalog is kind aws.glue.data_catalog: the region's Data
// Catalog, as GetDataCatalogEncryptionSettings describes it.
type GlueDataCatalog struct {
	EncryptionAtRestMode        string `json:"encryption_at_rest_mode" doc:"DISABLED, SSE-KMS or SSE-KMS-WITH-SERVICE-ROLE"`
	ConnectionPasswordEncrypted bool   `json:"connection_password_encrypted" doc:"connection passwords are returned encrypted with a KMS key"`
}

// GlueSecurityConfiguration is kind aws.glue.security_configuration.
type GlueSecurityConfiguration struct {
	S3EncryptionMode           string `json:"s3_encryption_mode" doc:"DISABLED, SSE-KMS or SSE-S3"`
	CloudWatchEncryptionMode   string `json:"cloudwatch_encryption_mode" doc:"DISABLED or SSE-KMS"`
	JobBookmarksEncryptionMode string `json:"job_bookmarks_encryption_mode" doc:"DISABLED or CSE-KMS"`
}

// GlueJob is kind aws.glue.job. Its default arguments (which may hold
// secrets) are never kept.
type GlueJob struct {
	SecurityConfiguration string `json:"security_configuration" doc:"name of the security configuration the job runs with; empty: none"`
}
