package tfaws

import (
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

const publicPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}]}`

func TestSQSEncryptionDefaults(t *testing.T) {
	tests := []struct {
		name        string
		values      map[string]any
		wantSSE     bool
		wantUnknown bool
	}{
		{"unset means SSE-SQS", map[string]any{}, true, false},
		{"explicitly off", map[string]any{"sqs_managed_sse_enabled": false}, false, false},
		{"customer key instead", map[string]any{"kms_master_key_id": "alias/app"}, false, false},
		{"unknown key", map[string]any{"kms_master_key_id": instance.Unknown}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mapKind(t, "aws.sqs.queue", 1, inst("aws_sqs_queue", "q", tt.values, nil))[0]
			if got := r.Attributes.(*model.SQSQueue).SQSManagedSSEEnabled; got != tt.wantSSE {
				t.Errorf("sqs_managed_sse_enabled = %v", got)
			}
			if got := r.IsUnknown("sqs_managed_sse_enabled"); got != tt.wantUnknown {
				t.Errorf("unknown = %v (%v)", got, r.Unknown)
			}
		})
	}
}

func TestQueueAndTopicPoliciesJoin(t *testing.T) {
	q := inst("aws_sqs_queue", "jobs", map[string]any{"name": "jobs", "id": instance.Unknown}, nil)
	qp := inst("aws_sqs_queue_policy", "jobs", map[string]any{"queue_url": instance.Unknown, "policy": publicPolicy},
		map[string][]string{"queue_url": {"aws_sqs_queue.jobs"}})
	qp.AttrRanges["policy"] = model.Location{File: "main.tf", StartLine: 12, EndLine: 20}
	topic := inst("aws_sns_topic", "alerts", map[string]any{"name": "alerts"}, nil)
	tp := inst("aws_sns_topic_policy", "alerts", map[string]any{"arn": instance.Unknown, "policy": instance.Unknown},
		map[string][]string{"arn": {"aws_sns_topic.alerts"}})

	rq := mapKind(t, "aws.sqs.queue", 1, q, qp, topic, tp)[0]
	doc := rq.Attributes.(*model.SQSQueue).Policy
	if doc == nil || len(doc.Statements) != 1 || doc.Statements[0].Principals["AWS"][0] != "*" {
		t.Fatalf("queue policy not joined: %+v", doc)
	}
	if l := rq.LocationOf("policy.statements[0]"); l == nil || l.StartLine != 12 {
		t.Errorf("policy location: %+v", l)
	}
	rt := mapKind(t, "aws.sns.topic", 1, q, qp, topic, tp)[0]
	if rt.Attributes.(*model.SNSTopic).Policy != nil || !rt.IsUnknown("policy.statements[0]") {
		t.Errorf("an unknown topic policy must be unknown, not absent: %v", rt.Unknown)
	}
}
