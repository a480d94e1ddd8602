package tfaws

import "github.com/vigil-sec/vigil/model"

// DynamoDB: aws_dynamodb_table becomes aws.dynamodb.table, joined with
// aws_dynamodb_resource_policy.
func init() {
	registerParent("aws_dynamodb_table", model.KindDynamoDBTable, func(b *Builder) {
		a := model.KindDynamoDBTable.Must(b.R)
		a.Name = b.NameFrom("name")
		a.PointInTimeRecovery = b.Bool("point_in_time_recovery[0].enabled", "point_in_time_recovery", false)
		// Without server_side_encryption the table uses the AWS owned key;
		// enabled without kms_key_arn means the AWS managed aws/dynamodb key.
		a.SSEEnabled = b.Bool("server_side_encryption[0].enabled", "sse_enabled", false)
		a.KMSKeyARN = b.String("server_side_encryption[0].kms_key_arn", "kms_key_arn", "")
		a.DeletionProtection = b.Bool("deletion_protection_enabled", "deletion_protection", false)
	})
	registerChild("aws_dynamodb_resource_policy", "resource_arn", []string{"aws_dynamodb_table"}, func(p *Builder, c *Child) {
		model.KindDynamoDBTable.Must(p.R).Policy = c.Policy("policy", "policy")
	})
}
