package aws

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestSNSAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := sns.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	public := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sns:Publish","Resource":"*"}]}`
	for name, attrs := range map[string]map[string]string{
		"plain":     nil,
		"encrypted": {"KmsMasterKeyId": "alias/aws/sns"},
		"public":    {"KmsMasterKeyId": "alias/aws/sns", "Policy": public},
	} {
		if _, err := client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String(name), Attributes: attrs,
			Tags: []snstypes.Tag{{Key: aws.String("team"), Value: aws.String("ops")}}}); err != nil {
			t.Fatal(err)
		}
	}
	for topic, url := range map[string]string{"plain": "http://hooks.example.com/in", "encrypted": "https://hooks.example.com/in"} {
		if _, err := client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: aws.String("arn:aws:sns:us-east-1:123456789012:" + topic),
			Protocol: aws.String(url[:strings.Index(url, ":")]), Endpoint: aws.String(url)}); err != nil {
			t.Fatal(err)
		}
	}
	res := collectMoto(t, srv, []string{"sns"})
	noErrors(t, res)
	topics := byKind(res, "aws.sns.topic")
	if len(topics) != 3 {
		t.Fatalf("want 3 topics, got %d", len(topics))
	}
	enc := topics["encrypted"]
	a := enc.Attributes.(*model.SNSTopic)
	if a.Name != "encrypted" || a.KMSMasterKeyID != "alias/aws/sns" || enc.ID != "arn:aws:sns:us-east-1:123456789012:encrypted" ||
		enc.Tags["team"] != "ops" || len(enc.Raw) == 0 || len(enc.Relations) != 1 || enc.Relations[0].Type != model.RelEncryptedBy {
		t.Errorf("encrypted topic: %+v %+v", enc, a)
	}
	// moto gives every topic the default owner-only policy (Principal *
	// restricted by AWS:SourceOwner): it is read, and it is not public.
	if p := a.Policy; p == nil || len(p.Statements) == 0 {
		t.Errorf("default policy not read: %+v", p)
	}
	if p := topics["public"].Attributes.(*model.SNSTopic).Policy; p == nil || p.Statements[0].Principals["AWS"][0] != "*" {
		t.Errorf("policy: %+v", p)
	}
	fails := failing(t, res.Resources)
	if !fails["plain"]["AWS-SNS-001"] || fails["encrypted"]["AWS-SNS-001"] || fails["public"]["AWS-SNS-001"] {
		t.Errorf("AWS-SNS-001: %v", fails)
	}
	if !fails["public"]["AWS-SNS-002"] || fails["encrypted"]["AWS-SNS-002"] || fails["plain"]["AWS-SNS-002"] {
		t.Errorf("AWS-SNS-002: %v", fails)
	}
	if fmt.Sprint(topics["plain"].Attributes.(*model.SNSTopic).SubscriptionProtocols) != "[http]" || fmt.Sprint(a.SubscriptionProtocols) != "[https]" {
		t.Errorf("protocols: plain %v, encrypted %v", topics["plain"].Attributes.(*model.SNSTopic).SubscriptionProtocols, a.SubscriptionProtocols)
	}
	if !fails["plain"]["AWS-SNS-020"] || fails["encrypted"]["AWS-SNS-020"] || fails["public"]["AWS-SNS-020"] {
		t.Errorf("AWS-SNS-020: %v", fails)
	}
}
