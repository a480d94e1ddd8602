package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

// Data stores and messaging: RDS, EFS, DynamoDB, ElastiCache, Redshift,
// OpenSearch, CloudWatch Logs, Secrets Manager, SNS, SQS, KMS, ECR.
func init() {
	parent("AWS::RDS::DBInstance", "aws.rds.instance", func(b *builder) {
		a := attrs[model.RDSInstance](b)
		a.Engine = b.str("Engine", "engine", "")
		a.EngineVersion = b.str("EngineVersion", "engine_version", "")
		a.InstanceClass = b.str("DBInstanceClass", "instance_class", "")
		a.ClusterIdentifier = b.str("DBClusterIdentifier", "cluster_identifier", "")
		a.StorageEncrypted = b.boolean("StorageEncrypted", "storage_encrypted", false)
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		// Aurora instances take storage settings from their cluster.
		if r, ok := b.t.other(a.ClusterIdentifier); ok && r.typ == "AWS::RDS::DBCluster" && !b.has("StorageEncrypted") {
			cl := b.reader(r)
			a.StorageEncrypted = cl.boolean("StorageEncrypted", "storage_encrypted", false)
			a.KMSKeyID = cl.str("KmsKeyId", "kms_key_id", a.KMSKeyID)
			for _, u := range cl.target.Unknown {
				b.r.MarkUnknown(u)
			}
		}
		if a.KMSKeyID != "" {
			a.StorageEncrypted = true
			b.relate(model.RelEncryptedBy, a.KMSKeyID)
		}
		// RDS makes an instance without a subnet group (default VPC)
		// public, one with a subnet group private.
		a.PubliclyAccessible = b.boolean("PubliclyAccessible", "publicly_accessible", !b.has("DBSubnetGroupName"))
		a.BackupRetentionPeriod = b.integer("BackupRetentionPeriod", "backup_retention_period", 1)
		a.DeletionProtection = b.boolean("DeletionProtection", "deletion_protection", false)
		a.IAMAuthenticationEnabled = b.boolean("EnableIAMDatabaseAuthentication", "iam_database_authentication_enabled", false)
		a.AutoMinorVersionUpgrade = b.boolean("AutoMinorVersionUpgrade", "auto_minor_version_upgrade", true)
		a.MultiAZ = b.boolean("MultiAZ", "multi_az", false)
		a.PerformanceInsightsEnabled = b.boolean("EnablePerformanceInsights", "performance_insights_enabled", false)
	})
	parent("AWS::RDS::DBCluster", "aws.rds.cluster", func(b *builder) {
		a := attrs[model.RDSCluster](b)
		a.Engine = b.str("Engine", "engine", "")
		// Serverless v1 clusters are always encrypted.
		a.StorageEncrypted = b.boolean("StorageEncrypted", "storage_encrypted", b.str("EngineMode", "", "") == "serverless")
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		if a.KMSKeyID != "" {
			a.StorageEncrypted = true
			b.relate(model.RelEncryptedBy, a.KMSKeyID)
		}
		a.BackupRetentionPeriod = b.integer("BackupRetentionPeriod", "backup_retention_period", 1)
		a.DeletionProtection = b.boolean("DeletionProtection", "deletion_protection", false)
		a.IAMAuthenticationEnabled = b.boolean("EnableIAMDatabaseAuthentication", "iam_database_authentication_enabled", false)
	})

	parent("AWS::EFS::FileSystem", "aws.efs.file_system", func(b *builder) {
		a := attrs[model.EFSFileSystem](b)
		a.Encrypted = b.boolean("Encrypted", "encrypted", false)
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		b.relate(model.RelEncryptedBy, a.KMSKeyID)
	})

	parent("AWS::DynamoDB::Table", "aws.dynamodb.table", func(b *builder) {
		a := attrs[model.DynamoDBTable](b)
		a.Name = b.nameProp("TableName")
		a.PointInTimeRecovery = b.boolean("PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", "point_in_time_recovery", false)
		a.SSEEnabled = b.boolean("SSESpecification.SSEEnabled", "sse_enabled", false)
		if a.SSEEnabled {
			a.KMSKeyARN = b.str("SSESpecification.KMSMasterKeyId", "kms_key_arn", "")
			b.relate(model.RelEncryptedBy, a.KMSKeyARN)
		}
	})

	parent("AWS::ElastiCache::ReplicationGroup", "aws.elasticache.replication_group", func(b *builder) {
		a := attrs[model.ElastiCacheReplicationGroup](b)
		a.AtRestEncryption = b.boolean("AtRestEncryptionEnabled", "at_rest_encryption_enabled", false)
		a.TransitEncryption = b.boolean("TransitEncryptionEnabled", "transit_encryption_enabled", false)
		a.AuthTokenSet = b.has("AuthToken")
		if a.AuthTokenSet {
			b.locate("AuthToken", "auth_token_set")
		}
	})

	parent("AWS::Redshift::Cluster", "aws.redshift.cluster", func(b *builder) {
		a := attrs[model.RedshiftCluster](b)
		a.Encrypted = b.boolean("Encrypted", "encrypted", false)
		a.PubliclyAccessible = b.boolean("PubliclyAccessible", "publicly_accessible", false)
		a.LoggingEnabled = b.has("LoggingProperties")
		if a.LoggingEnabled {
			b.locate("LoggingProperties", "logging_enabled")
		}
	})

	domain := func(b *builder) {
		a := attrs[model.OpenSearchDomain](b)
		if n := b.str("DomainName", "", ""); n != "" {
			b.r.Name = n
		}
		a.EncryptAtRest = b.boolean("EncryptionAtRestOptions.Enabled", "encrypt_at_rest", false)
		a.NodeToNode = b.boolean("NodeToNodeEncryptionOptions.Enabled", "node_to_node_encryption", false)
		a.EnforceHTTPS = b.boolean("DomainEndpointOptions.EnforceHTTPS", "enforce_https", false)
		a.TLSSecurityPolicy = b.str("DomainEndpointOptions.TLSSecurityPolicy", "tls_security_policy", "Policy-Min-TLS-1-0-2019-07")
		a.VPCConfigured = b.has("VPCOptions.SubnetIds")
		if a.VPCConfigured {
			b.locate("VPCOptions", "vpc_configured")
		}
		a.AccessPolicy = b.policy("AccessPolicies", "access_policy")
	}
	parent("AWS::OpenSearchService::Domain", "aws.opensearch.domain", domain)
	parent("AWS::Elasticsearch::Domain", "aws.opensearch.domain", domain)

	parent("AWS::Logs::LogGroup", "aws.logs.log_group", func(b *builder) {
		a := attrs[model.CloudWatchLogGroup](b)
		a.Name = b.nameProp("LogGroupName")
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		b.relate(model.RelEncryptedBy, a.KMSKeyID)
		a.RetentionInDays = b.integer("RetentionInDays", "retention_in_days", 0)
	})

	parent("AWS::SecretsManager::Secret", "aws.secretsmanager.secret", func(b *builder) {
		a := attrs[model.SecretsManagerSecret](b)
		a.Name = b.nameProp("Name")
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		b.relate(model.RelEncryptedBy, a.KMSKeyID)
	})
	child("AWS::SecretsManager::RotationSchedule", func(c *builder) {
		for _, p := range c.parentsOf("SecretId", "AWS::SecretsManager::Secret") {
			c.onto(p)
			a := attrs[model.SecretsManagerSecret](c)
			a.RotationEnabled = c.has("RotationLambdaARN") || c.has("HostedRotationLambda") || c.has("RotationRules")
			c.locate("", "rotation_enabled")
		}
	})

	parent("AWS::SNS::Topic", "aws.sns.topic", func(b *builder) {
		a := attrs[model.SNSTopic](b)
		a.Name = b.nameProp("TopicName")
		a.KMSMasterKeyID = b.str("KmsMasterKeyId", "kms_master_key_id", "")
		b.relate(model.RelEncryptedBy, a.KMSMasterKeyID)
		// Inline subscriptions; AWS::SNS::Subscription resources add to them.
		a.Subscriptions = b.count("Subscription", "subscriptions")
	})
	child("AWS::SNS::TopicPolicy", func(c *builder) {
		for _, p := range c.parentsOf("Topics", "AWS::SNS::Topic") {
			c.onto(p)
			attrs[model.SNSTopic](c).Policy = c.policy("PolicyDocument", "policy")
		}
	})

	parent("AWS::SQS::Queue", "aws.sqs.queue", func(b *builder) {
		a := attrs[model.SQSQueue](b)
		a.Name = b.nameProp("QueueName")
		a.KMSMasterKeyID = b.str("KmsMasterKeyId", "kms_master_key_id", "")
		b.relate(model.RelEncryptedBy, a.KMSMasterKeyID)
		// New queues get SSE-SQS unless a KMS key is chosen or it is
		// turned off.
		a.SQSManagedSSEEnabled = b.boolean("SqsManagedSseEnabled", "sqs_managed_sse_enabled", !b.has("KmsMasterKeyId"))
	})
	child("AWS::SQS::QueuePolicy", func(c *builder) {
		for _, p := range c.parentsOf("Queues", "AWS::SQS::Queue") {
			c.onto(p)
			attrs[model.SQSQueue](c).Policy = c.policy("PolicyDocument", "policy")
		}
	})

	parent("AWS::KMS::Key", "aws.kms.key", func(b *builder) {
		a := attrs[model.KMSKey](b)
		a.Description = b.str("Description", "description", "")
		a.KeySpec = b.str("KeySpec", "key_spec", "SYMMETRIC_DEFAULT")
		a.KeyUsage = b.str("KeyUsage", "key_usage", "ENCRYPT_DECRYPT")
		a.KeyManager = "CUSTOMER"
		a.Enabled = b.boolean("Enabled", "enabled", true)
		a.RotationEnabled = b.boolean("EnableKeyRotation", "rotation_enabled", false)
		a.DeletionWindowDays = b.integer("PendingWindowInDays", "deletion_window_days", 30)
		if b.has("KeyPolicy") {
			a.Policy = b.policy("KeyPolicy", "policy")
		} else {
			// KMS's default key policy: the account may use IAM to grant
			// access.
			a.Policy = &model.PolicyDocument{Version: "2012-10-17", Statements: []model.PolicyStatement{{
				Sid: "Enable IAM User Permissions", Effect: "Allow",
				Principals: map[string][]string{"AWS": {"arn:aws:iam::" + b.pseudo("AWS::AccountId") + ":root"}},
				Actions:    []string{"kms:*"}, Resources: []string{"*"},
			}}}
		}
	})

	parent("AWS::ECR::Repository", "aws.ecr.repository", func(b *builder) {
		a := attrs[model.ECRRepository](b)
		a.Name = b.nameProp("RepositoryName")
		a.ScanOnPush = b.boolean("ImageScanningConfiguration.ScanOnPush", "scan_on_push", false)
		a.ImageTagMutability = b.str("ImageTagMutability", "image_tag_mutability", "MUTABLE")
		a.EncryptionType = b.str("EncryptionConfiguration.EncryptionType", "encryption_type", "AES256")
		if k := b.str("EncryptionConfiguration.KmsKey", "", ""); k != "" {
			b.relate(model.RelEncryptedBy, k)
		}
		a.Policy = b.policy("RepositoryPolicyText", "policy")
	})
}

// nameProp reads an explicit name property into "name" and the resource's
// display name; without one CloudFormation generates a name (unknown).
func (b *builder) nameProp(p string) string {
	if !b.has(p) {
		b.target.MarkUnknown("name")
		return ""
	}
	s := b.str(p, "name", "")
	if s != "" {
		b.r.Name = s
	}
	return s
}

// pseudo is a pseudo parameter's value (placeholder or caller override).
func (b *builder) pseudo(name string) string {
	if s, ok := b.t.ref(name, nil).(string); ok {
		return s
	}
	return ""
}
