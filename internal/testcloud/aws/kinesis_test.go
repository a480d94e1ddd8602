package aws

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	kintypes "github.com/aws/aws-sdk-go-v2/service/kinesis/types"

	"github.com/vigil-sec/vigil/model"
)

// ListStreams, DescribeStreamSummary and ListTagsForStream (paged by
// ExclusiveStartTagKey) decode through the SDK with AWS's defaults.
func TestKinesisRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "kinesis")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := kinesis.NewFromConfig(cfg)
	list, err := client.ListStreams(ctx, &kinesis.ListStreamsInput{})
	if err != nil || len(list.StreamSummaries) != 2 || aws.ToBool(list.HasMoreStreams) ||
		aws.ToString(list.StreamSummaries[0].StreamARN) != "arn:aws:kinesis:us-east-1:111111111111:stream/clickstream" {
		t.Fatalf("ListStreams: %+v %v", list, err)
	}
	d, err := client.DescribeStreamSummary(ctx, &kinesis.DescribeStreamSummaryInput{StreamName: aws.String("clickstream")})
	if err != nil || d.StreamDescriptionSummary.EncryptionType != kintypes.EncryptionTypeNone || aws.ToInt32(d.StreamDescriptionSummary.RetentionPeriodHours) != 24 {
		t.Errorf("DescribeStreamSummary clickstream: %+v %v", d, err)
	}
	tags, err := client.ListTagsForStream(ctx, &kinesis.ListTagsForStreamInput{StreamName: aws.String("audit-events"), Limit: aws.Int32(1)})
	if err != nil || len(tags.Tags) != 1 || !aws.ToBool(tags.HasMoreTags) {
		t.Fatalf("ListTagsForStream page 1: %+v %v", tags, err)
	}
	rest, err := client.ListTagsForStream(ctx, &kinesis.ListTagsForStreamInput{StreamName: aws.String("audit-events"), ExclusiveStartTagKey: tags.Tags[0].Key})
	if err != nil || len(rest.Tags) != 1 || aws.ToString(rest.Tags[0].Key) != "env" || aws.ToBool(rest.HasMoreTags) {
		t.Errorf("ListTagsForStream page 2: %+v %v", rest, err)
	}
	var nf *kintypes.ResourceNotFoundException
	if _, err := client.DescribeStreamSummary(ctx, &kinesis.DescribeStreamSummaryInput{StreamName: aws.String("nope")}); !errors.As(err, &nf) {
		t.Errorf("DescribeStreamSummary nope: %v", err)
	}
}

func TestKinesisCollector(t *testing.T) {
	w := fragmentWorld(t, "kinesis")
	res := collectClean(t, w, "kinesis")
	streams := byKind(res.Resources)["aws.kinesis.stream"]
	click, audit := streams["clickstream"], streams["audit-events"]
	if click == nil || audit == nil || click.Tags["team"] != "web" {
		t.Fatalf("streams: %v", streams)
	}
	if a := click.Attributes.(*model.KinesisStream); a.EncryptionType != "NONE" || a.RetentionPeriodHours != 24 {
		t.Errorf("clickstream: %+v", a)
	}
	if a := audit.Attributes.(*model.KinesisStream); a.EncryptionType != "KMS" || a.RetentionPeriodHours != 168 ||
		len(audit.Relations) != 1 || audit.Tags["env"] != "prod" {
		t.Errorf("audit-events: %+v %+v", a, audit.Relations)
	}
}
