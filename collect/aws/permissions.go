package aws

import "strings"

// iamPrefix maps an SDK service id to the prefix of its IAM actions.
var iamPrefix = map[string]string{
	"ACM": "acm", "API Gateway": "apigateway", "AccessAnalyzer": "access-analyzer",
	"CloudFormation": "cloudformation", "CloudFront": "cloudfront", "CloudTrail": "cloudtrail", "CloudWatch Logs": "logs",
	"CloudWatch": "cloudwatch", "Config Service": "config", "DynamoDB": "dynamodb", "EC2": "ec2",
	"ECR": "ecr", "EFS": "elasticfilesystem", "EKS": "eks", "ElastiCache": "elasticache",
	"Elastic Load Balancing v2": "elasticloadbalancing", "Elastic Load Balancing": "elasticloadbalancing",
	"GuardDuty": "guardduty", "IAM": "iam", "KMS": "kms", "Kafka": "kafka", "Lambda": "lambda", "OpenSearch": "es",
	"Organizations": "organizations", "RDS": "rds", "Redshift": "redshift", "S3 Control": "s3", "S3": "s3",
	"SNS": "sns", "SQS": "sqs", "SSM": "ssm", "STS": "sts", "Secrets Manager": "secretsmanager",
	"SecurityHub": "securityhub", "Shield": "shield", "WAFV2": "wafv2",
	"ECS": "ecs", "Kinesis": "kinesis", "SFN": "states", "Firehose": "firehose",
	"Account":          "account",
	"Cognito Identity": "cognito-identity", "Cognito Identity Provider": "cognito-idp",
	"Directory Service": "ds",
	"EMR":               "elasticmapreduce", "Network Firewall": "network-firewall",
	"ApiGatewayV2": "apigateway", "EventBridge": "events",
	"Database Migration Service": "dms",
}

// renamed are operations whose IAM action has another name.
var renamed = map[string]string{
	"S3:ListBuckets":                        "s3:ListAllMyBuckets",
	"S3:GetBucketEncryption":                "s3:GetEncryptionConfiguration",
	"S3:GetBucketLifecycleConfiguration":    "s3:GetLifecycleConfiguration",
	"S3:GetBucketReplication":               "s3:GetReplicationConfiguration",
	"S3:GetBucketNotificationConfiguration": "s3:GetBucketNotification",
	"S3:GetObjectLockConfiguration":         "s3:GetBucketObjectLockConfiguration",
	"S3:GetPublicAccessBlock":               "s3:GetBucketPublicAccessBlock",
	"S3 Control:GetPublicAccessBlock":       "s3:GetAccountPublicAccessBlock",
}

// IAMAction is the IAM action an SDK operation needs, e.g.
// ("S3", "GetBucketEncryption") -> "s3:GetEncryptionConfiguration". API
// Gateway's REST API is authorized by HTTP verb: apigateway:GET.
func IAMAction(serviceID, operation string) string {
	if a, ok := renamed[serviceID+":"+operation]; ok {
		return a
	}
	prefix, ok := iamPrefix[serviceID]
	if !ok {
		prefix = strings.ToLower(strings.ReplaceAll(serviceID, " ", ""))
	}
	if prefix == "apigateway" && (strings.HasPrefix(operation, "Get") || strings.HasPrefix(operation, "List")) {
		return "apigateway:GET"
	}
	return prefix + ":" + operation
}

// readOnlyAction reports whether an IAM action only reads. The collector
// must never need anything else; GenerateCredentialReport only asks IAM to
// build the report it then reads.
func readOnlyAction(action string) bool {
	_, op, _ := strings.Cut(action, ":")
	for _, p := range []string{"List", "Describe", "Get", "BatchGet", "Search", "Lookup"} {
		if strings.HasPrefix(op, p) {
			return true
		}
	}
	return action == "iam:GenerateCredentialReport" || action == "apigateway:GET"
}
