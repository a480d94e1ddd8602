package model

func init() {
	for _, k := range []struct {
		name, desc string
		attrs      any
	}{
		{"aws.account", "AWS account-wide settings (password policy, account S3 public access block, root)", AWSAccount{}},
		{"aws.region", "AWS region-wide settings (EBS default encryption, GuardDuty, Config)", AWSRegion{}},
		{"aws.s3.bucket", "S3 bucket with its ACL, policy, public access block, encryption, versioning and logging", S3Bucket{}},
		{"aws.ec2.security_group", "EC2/VPC security group with all its rules", EC2SecurityGroup{}},
		{"aws.ec2.network_acl", "VPC network ACL", EC2NetworkACL{}},
		{"aws.ec2.instance", "EC2 instance", EC2Instance{}},
		{"aws.ec2.launch_template", "EC2 launch template", EC2LaunchTemplate{}},
		{"aws.ec2.volume", "EBS volume", EC2Volume{}},
		{"aws.ec2.snapshot", "EBS snapshot", EC2Snapshot{}},
		{"aws.ec2.image", "owned AMI", EC2Image{}},
		{"aws.ec2.vpc", "VPC", EC2VPC{}},
		{"aws.ec2.subnet", "VPC subnet", EC2Subnet{}},
		{"aws.elbv2.load_balancer", "application, network or gateway load balancer", ELBv2LoadBalancer{}},
		{"aws.elb.load_balancer", "classic load balancer", ELBLoadBalancer{}},
		{"aws.rds.instance", "RDS DB instance", RDSInstance{}},
		{"aws.rds.cluster", "RDS/Aurora DB cluster", RDSCluster{}},
		{"aws.rds.snapshot", "RDS DB snapshot", RDSSnapshot{}},
		{"aws.efs.file_system", "EFS file system", EFSFileSystem{}},
		{"aws.sns.topic", "SNS topic", SNSTopic{}},
		{"aws.sqs.queue", "SQS queue", SQSQueue{}},
		{"aws.kms.key", "KMS key", KMSKey{}},
		{"aws.iam.policy", "customer-managed IAM policy", IAMPolicy{}},
		{"aws.iam.role", "IAM role", IAMRole{}},
		{"aws.iam.user", "IAM user", IAMUser{}},
		{"aws.iam.group", "IAM group", IAMGroup{}},
		{"aws.cloudtrail.trail", "CloudTrail trail", CloudTrailTrail{}},
		{"aws.lambda.function", "Lambda function with its resource policy and URL", LambdaFunction{}},
		{"aws.ecr.repository", "ECR repository", ECRRepository{}},
		{"aws.eks.cluster", "EKS cluster", EKSCluster{}},
		{"aws.dynamodb.table", "DynamoDB table", DynamoDBTable{}},
		{"aws.logs.log_group", "CloudWatch Logs log group", CloudWatchLogGroup{}},
		{"aws.secretsmanager.secret", "Secrets Manager secret", SecretsManagerSecret{}},
		{"aws.elasticache.replication_group", "ElastiCache replication group", ElastiCacheReplicationGroup{}},
		{"aws.redshift.cluster", "Redshift cluster", RedshiftCluster{}},
		{"aws.opensearch.domain", "OpenSearch / Elasticsearch domain", OpenSearchDomain{}},
		{"aws.cloudfront.distribution", "CloudFront distribution", CloudFrontDistribution{}},
		{"aws.guardduty.detector", "GuardDuty detector", GuardDutyDetector{}},
		{"aws.config.recorder", "AWS Config configuration recorder", ConfigRecorder{}},
		{"aws.apigateway.stage", "API Gateway REST API stage", APIGatewayStage{}},
		{"aws.organizations.policy", "AWS Organizations service control policy", OrganizationsPolicy{}},
		{"aws.ssm.managed_instance", "SSM managed instance with its patch compliance", SSMManagedInstance{}},
		{"aws.acm.certificate", "ACM certificate", ACMCertificate{}},
		{"aws.cloudwatch.alarm", "CloudWatch metric alarm", CloudWatchAlarm{}},
	} {
		RegisterKind(k.name, k.desc, k.attrs)
	}
}

func init() {
	RegisterKind("aws.iam.oidc_provider", "IAM OpenID Connect identity provider", IAMOIDCProvider{})
	RegisterKind("aws.iam.saml_provider", "IAM SAML identity provider", IAMSAMLProvider{})
}

func init() {
	RegisterKind("aws.ec2.route_table", "VPC route table with its routes and subnet associations", EC2RouteTable{})
	RegisterKind("aws.ec2.internet_gateway", "VPC internet gateway", EC2InternetGateway{})
	RegisterKind("aws.ec2.nat_gateway", "VPC NAT gateway", EC2NATGateway{})
	RegisterKind("aws.ec2.vpc_endpoint", "VPC endpoint (interface, gateway or load balancer)", EC2VPCEndpoint{})
}

func init() {
	RegisterKind("aws.wafv2.web_acl", "WAFv2 web ACL (regional or CloudFront)", WAFv2WebACL{})
}
