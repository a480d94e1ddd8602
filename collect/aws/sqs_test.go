package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestSQSAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := sqs.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	for name, attrs := range map[string]map[string]string{
		"plain":     {"SqsManagedSseEnabled": "false"},
		"encrypted": {"KmsMasterKeyId": "alias/jobs"},
		"public":    {"SqsManagedSseEnabled": "true", "Policy": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}]}`},
	} {
		if _, err := client.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs,
			Tags: map[string]string{"team": "jobs"}}); err != nil {
			t.Fatal(err)
		}
	}
	res := collectMoto(t, srv, []string{"sqs"})
	noErrors(t, res)
	qs := byKind(res, "aws.sqs.queue")
	if len(qs) != 3 {
		t.Fatalf("want 3 queues, got %d", len(qs))
	}
	enc := qs["encrypted"]
	if a := enc.Attributes.(*model.SQSQueue); a.KMSMasterKeyID != "alias/jobs" {
		t.Errorf("kms key: %+v", a)
	}
	if enc.Account != moto.Account || enc.Region != "us-east-1" || enc.Source != model.SourceLive ||
		enc.ID != "arn:aws:sqs:us-east-1:123456789012:encrypted" || enc.Tags["team"] != "jobs" || len(enc.Raw) == 0 {
		t.Errorf("identity: %+v", enc)
	}
	if p := qs["public"].Attributes.(*model.SQSQueue).Policy; p == nil || p.Statements[0].Principals["AWS"][0] != "*" {
		t.Errorf("policy: %+v", p)
	}
	fails := failing(t, res.Resources)
	if !fails["plain"]["AWS-SQS-001"] || fails["encrypted"]["AWS-SQS-001"] || fails["public"]["AWS-SQS-001"] {
		t.Errorf("AWS-SQS-001: %v", fails)
	}
	if !fails["public"]["AWS-SQS-002"] || fails["plain"]["AWS-SQS-002"] {
		t.Errorf("AWS-SQS-002: %v", fails)
	}
}
