package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::DynamoDB::Table", model.KindDynamoDBTable, func(b *builder) {
		a := model.KindDynamoDBTable.Must(b.target)
		a.Name = b.nameProp("TableName")
		a.PointInTimeRecovery = b.boolean("PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", "point_in_time_recovery", false)
		a.DeletionProtection = b.boolean("DeletionProtectionEnabled", "deletion_protection", false)
		a.Policy = b.policy("ResourcePolicy.PolicyDocument", "policy")
		a.SSEEnabled = b.boolean("SSESpecification.SSEEnabled", "sse_enabled", false)
		if a.SSEEnabled {
			a.KMSKeyARN = b.str("SSESpecification.KMSMasterKeyId", "kms_key_arn", "")
			b.relate(model.RelEncryptedBy, a.KMSKeyARN)
		}
	})
}
