package aws

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"

	"github.com/vigil-sec/vigil/model"
)

func TestSNSOperations(t *testing.T) {
	w := fragmentWorld(t, "sns")
	sw := w.Account(fragmentAccount).worldOf("sns", "us-east-1").(*snsWorld)
	cfg, _ := testCloud(t, w)
	client := sns.NewFromConfig(cfg)
	ctx := context.Background()

	list, err := client.ListTopics(ctx, &sns.ListTopicsInput{})
	if err != nil {
		t.Fatal(err)
	}
	var want []snstypes.Topic
	for _, topic := range sw.Topics {
		want = append(want, snstypes.Topic{TopicArn: aws.String("arn:aws:sns:us-east-1:111111111111:" + topic.Name)})
	}
	sameJSON(t, "ListTopics", list.Topics, want)

	subs, err := client.ListSubscriptionsByTopic(ctx, &sns.ListSubscriptionsByTopicInput{TopicArn: aws.String("arn:aws:sns:us-east-1:111111111111:alerts")})
	if err != nil {
		t.Fatal(err)
	}
	if len(subs.Subscriptions) != 4 || aws.ToString(subs.Subscriptions[0].Protocol) != "http" ||
		aws.ToString(subs.Subscriptions[0].TopicArn) != "arn:aws:sns:us-east-1:111111111111:alerts" ||
		aws.ToString(subs.Subscriptions[3].SubscriptionArn) != "PendingConfirmation" || subs.NextToken != nil {
		t.Errorf("ListSubscriptionsByTopic: %+v", subs)
	}

	for _, topic := range sw.Topics {
		arn := aws.String("arn:aws:sns:us-east-1:111111111111:" + topic.Name)
		out, err := client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: arn})
		if err != nil {
			t.Fatal(err)
		}
		a := out.Attributes
		if a["TopicArn"] != *arn || a["Owner"] != "111111111111" || a["Policy"] == "" || a["SubscriptionsPending"] == "" {
			t.Errorf("AWS's attributes of %s: %v", topic.Name, a)
		}
		for k, v := range topic.Attributes {
			if a[k] != v {
				t.Errorf("%s attribute %s: %q, want %q", topic.Name, k, a[k], v)
			}
		}
		tags, err := client.ListTagsForResource(ctx, &sns.ListTagsForResourceInput{ResourceArn: arn})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, tag := range tags.Tags {
			got[*tag.Key] = *tag.Value
		}
		wantTags := topic.Tags
		if wantTags == nil {
			wantTags = map[string]string{}
		}
		sameJSON(t, "ListTagsForResource "+topic.Name, got, wantTags)
	}

	// AWS's default policy lets the owner account only.
	def, err := client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String("arn:aws:sns:us-east-1:111111111111:orders-events")})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := model.ParsePolicyDocument(def.Attributes["Policy"])
	if err != nil || len(doc.Statements) != 1 {
		t.Errorf("default policy: %v %v", doc, err)
	}

	// eu-west-1 has a topic of its own; us-east-1's are not there.
	eu := sns.NewFromConfig(cfg, func(o *sns.Options) { o.Region = "eu-west-1" })
	euList, err := eu.ListTopics(ctx, &sns.ListTopicsInput{})
	if err != nil || len(euList.Topics) != 1 || *euList.Topics[0].TopicArn != "arn:aws:sns:eu-west-1:111111111111:audit-notifications" {
		t.Errorf("eu-west-1 topics: %v %v", euList, err)
	}

	for _, tc := range []struct {
		what string
		call func() error
		code string
	}{
		{"a missing topic", func() error {
			_, err := client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String("arn:aws:sns:us-east-1:111111111111:nope")})
			return err
		}, "NotFound"},
		{"another region's topic", func() error {
			_, err := client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String("arn:aws:sns:eu-west-1:111111111111:audit-notifications")})
			return err
		}, "NotFound"},
		{"tags of a missing topic", func() error {
			_, err := client.ListTagsForResource(ctx, &sns.ListTagsForResourceInput{ResourceArn: aws.String("arn:aws:sns:us-east-1:111111111111:nope")})
			return err
		}, "ResourceNotFound"},
		{"no ARN", func() error {
			_, err := client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String("alerts")})
			return err
		}, "InvalidParameter"},
	} {
		if code := apiCode(tc.call()); code != tc.code {
			t.Errorf("%s: %q, want %s", tc.what, code, tc.code)
		}
	}
}

// ListTopics pages 100 topics.
func TestSNSListTopicsPages(t *testing.T) {
	w := fragmentWorld(t, "sns")
	big := &snsWorld{}
	for i := range 250 {
		big.Topics = append(big.Topics, snsTopic{Name: fmt.Sprintf("topic-%03d", i)})
	}
	w.Account(fragmentAccount).Set("us-east-1", "sns", big)
	cfg, _ := testCloud(t, w)
	client := sns.NewFromConfig(cfg)
	var sizes []int
	var last string
	p := sns.NewListTopicsPaginator(client, &sns.ListTopicsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(page.Topics))
		last = *page.Topics[len(page.Topics)-1].TopicArn
	}
	if fmt.Sprint(sizes) != "[100 100 50]" || last != "arn:aws:sns:us-east-1:111111111111:topic-249" {
		t.Errorf("pages %v, last %s", sizes, last)
	}
	_, err := client.ListTopics(context.Background(), &sns.ListTopicsInput{NextToken: aws.String("garbage")})
	if apiCode(err) == "" {
		t.Error("an invalid token is refused")
	}
}

func TestSNSCollector(t *testing.T) {
	w := fragmentWorld(t, "sns")
	res, srv := collect(t, w, "sns")
	if st := srv.Stats(); len(st.Unhandled) > 0 {
		t.Errorf("unhandled: %v", st.Unhandled)
	}
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	topics := byKind(res.Resources)["aws.sns.topic"]
	if len(topics) != 4 {
		t.Fatalf("topics: %v", topics)
	}
	alerts := topics["alerts"]
	aa := alerts.Attributes.(*model.SNSTopic)
	if aa.KMSMasterKeyID != "" || aa.Policy == nil || len(aa.Policy.Statements) != 1 || alerts.Tags["team"] != "ops" ||
		alerts.ID != "arn:aws:sns:us-east-1:111111111111:alerts" {
		t.Errorf("alerts: %+v %+v", alerts, aa)
	}
	orders := topics["orders-events"].Attributes.(*model.SNSTopic)
	if orders.KMSMasterKeyID != "alias/aws/sns" || orders.Policy == nil {
		t.Errorf("orders-events: %+v", orders)
	}
	// The pending HTTPS subscription of alerts delivers nothing yet.
	if fmt.Sprint(aa.SubscriptionProtocols) != "[email http sqs]" || fmt.Sprint(orders.SubscriptionProtocols) != "[]" ||
		topics["payments.fifo"].Attributes.(*model.SNSTopic).SubscriptionProtocols == nil {
		t.Errorf("protocols: alerts %v, orders-events %v", aa.SubscriptionProtocols, orders.SubscriptionProtocols)
	}
	// Failed deliveries to SQS are logged for payments.fifo only.
	if pay := topics["payments.fifo"].Attributes.(*model.SNSTopic); fmt.Sprint(pay.DeliveryStatusLogging) != "[sqs]" ||
		fmt.Sprint(aa.DeliveryStatusLogging) != "[]" {
		t.Errorf("delivery status logging: payments.fifo %v, alerts %v", pay.DeliveryStatusLogging, aa.DeliveryStatusLogging)
	}
	if audit := topics["audit-notifications"]; audit.Region != "eu-west-1" || audit.Attributes.(*model.SNSTopic).KMSMasterKeyID == "" || audit.Tags != nil {
		t.Errorf("audit-notifications: %+v", audit)
	}
}
