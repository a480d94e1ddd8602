package tfaws

import (
	"encoding/json"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

// Provider defaults of the simple single-resource mappings.
func TestSimpleDefaults(t *testing.T) {
	tests := []struct {
		typ, kind string
		values    map[string]any
		want      any
	}{
		{"aws_efs_file_system", "aws.efs.file_system", map[string]any{}, &model.EFSFileSystem{}},
		{"aws_efs_file_system", "aws.efs.file_system", map[string]any{"encrypted": true, "kms_key_id": "k"}, &model.EFSFileSystem{Encrypted: true, KMSKeyID: "k"}},
		{"aws_dynamodb_table", "aws.dynamodb.table", map[string]any{"name": "t"}, &model.DynamoDBTable{Name: "t"}},
		{"aws_dynamodb_table", "aws.dynamodb.table", map[string]any{"name": "t",
			"point_in_time_recovery": []any{map[string]any{"enabled": true}},
			"server_side_encryption": []any{map[string]any{"enabled": true}}},
			&model.DynamoDBTable{Name: "t", PointInTimeRecovery: true, SSEEnabled: true}},
		{"aws_cloudwatch_log_group", "aws.logs.log_group", map[string]any{"name": "/a"}, &model.CloudWatchLogGroup{Name: "/a", MetricFilters: []model.LogMetricFilter{}}},
		{"aws_cloudwatch_log_group", "aws.logs.log_group", map[string]any{"name": "/a", "retention_in_days": float64(30)}, &model.CloudWatchLogGroup{Name: "/a", RetentionInDays: 30, MetricFilters: []model.LogMetricFilter{}}},
		{"aws_secretsmanager_secret", "aws.secretsmanager.secret", map[string]any{"name": "s"}, &model.SecretsManagerSecret{Name: "s"}},
		{"aws_secretsmanager_secret", "aws.secretsmanager.secret", map[string]any{"name": "s", "rotation_lambda_arn": "arn"}, &model.SecretsManagerSecret{Name: "s", RotationEnabled: true}},
		{"aws_kms_key", "aws.kms.key", map[string]any{}, &model.KMSKey{KeySpec: "SYMMETRIC_DEFAULT", KeyUsage: "ENCRYPT_DECRYPT",
			KeyManager: "CUSTOMER", Enabled: true, KeyState: "Enabled", DeletionWindowDays: 30}},
	}
	for _, tt := range tests {
		t.Run(tt.typ, func(t *testing.T) {
			r := mapKind(t, tt.kind, 1, inst(tt.typ, "x", tt.values, nil))[0]
			if !equalJSON(r.Attributes, tt.want) {
				t.Errorf("\n got %+v\nwant %+v", r.Attributes, tt.want)
			}
		})
	}
}

func TestSecretRotationAndKeyPolicyJoin(t *testing.T) {
	s := inst("aws_secretsmanager_secret", "db", map[string]any{"name": "db"}, nil)
	rot := inst("aws_secretsmanager_secret_rotation", "db", map[string]any{"secret_id": "db",
		"rotation_rules": []any{map[string]any{"automatically_after_days": 30}}}, nil)
	r := mapKind(t, "aws.secretsmanager.secret", 1, s, rot)[0]
	if a := r.Attributes.(*model.SecretsManagerSecret); !a.RotationEnabled || a.RotationDays != 30 {
		t.Errorf("rotation resource not joined: %+v", a)
	}
	if !r.IsUnknown("last_accessed") || !r.IsUnknown("last_rotated") || !r.IsUnknown("created") {
		t.Error("a configuration cannot know when its secret was last used or rotated")
	}
	k := inst("aws_kms_key", "k", map[string]any{}, nil)
	kp := inst("aws_kms_key_policy", "k", map[string]any{"policy": publicPolicy}, map[string][]string{"key_id": {"aws_kms_key.k"}})
	if a := mapKind(t, "aws.kms.key", 1, k, kp)[0].Attributes.(*model.KMSKey); a.Policy == nil {
		t.Error("key policy not joined")
	}
}

func equalJSON(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}
