package tfaws

import (
	"reflect"
	"testing"
)

// KindsOf names each kind once, sorted: a joining type (the ACL) and an
// unmapped one add none.
func TestKindsOf(t *testing.T) {
	got := KindsOf([]string{"aws_sqs_queue", "aws_s3_bucket_acl", "aws_s3_bucket", "azurerm_resource_group", "aws_s3_bucket", "aws_iam_role"})
	want := []string{"aws.iam.role", "aws.s3.bucket", "aws.sqs.queue"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("KindsOf = %v, want %v", got, want)
	}
}
