package aws

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/firehose"
	fhtypes "github.com/aws/aws-sdk-go-v2/service/firehose/types"

	"github.com/vigil-sec/vigil/model"
)

// ListDeliveryStreams (paged by ExclusiveStartDeliveryStreamName),
// DescribeDeliveryStream and ListTagsForDeliveryStream decode through the
// SDK with AWS's defaults.
func TestFirehoseRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "firehose")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := firehose.NewFromConfig(cfg)
	first, err := client.ListDeliveryStreams(ctx, &firehose.ListDeliveryStreamsInput{Limit: aws.Int32(2)})
	if err != nil || len(first.DeliveryStreamNames) != 2 || !aws.ToBool(first.HasMoreDeliveryStreams) {
		t.Fatalf("ListDeliveryStreams page 1: %+v %v", first, err)
	}
	rest, err := client.ListDeliveryStreams(ctx, &firehose.ListDeliveryStreamsInput{ExclusiveStartDeliveryStreamName: aws.String(first.DeliveryStreamNames[1])})
	if err != nil || len(rest.DeliveryStreamNames) != 1 || rest.DeliveryStreamNames[0] != "clickstream-archive" || aws.ToBool(rest.HasMoreDeliveryStreams) {
		t.Fatalf("ListDeliveryStreams page 2: %+v %v", rest, err)
	}
	d, err := client.DescribeDeliveryStream(ctx, &firehose.DescribeDeliveryStreamInput{DeliveryStreamName: aws.String("audit-to-s3")})
	if err != nil || d.DeliveryStreamDescription.DeliveryStreamEncryptionConfiguration.Status != fhtypes.DeliveryStreamEncryptionStatusEnabled ||
		aws.ToString(d.DeliveryStreamDescription.DeliveryStreamARN) != "arn:aws:firehose:us-east-1:111111111111:deliverystream/audit-to-s3" {
		t.Errorf("DescribeDeliveryStream: %+v %v", d, err)
	}
	tags, err := client.ListTagsForDeliveryStream(ctx, &firehose.ListTagsForDeliveryStreamInput{DeliveryStreamName: aws.String("clicks-to-s3")})
	if err != nil || len(tags.Tags) != 1 || aws.ToBool(tags.HasMoreTags) {
		t.Errorf("ListTagsForDeliveryStream: %+v %v", tags, err)
	}
	var nf *fhtypes.ResourceNotFoundException
	if _, err := client.DescribeDeliveryStream(ctx, &firehose.DescribeDeliveryStreamInput{DeliveryStreamName: aws.String("nope")}); !errors.As(err, &nf) {
		t.Errorf("DescribeDeliveryStream nope: %v", err)
	}
}

func TestFirehoseCollector(t *testing.T) {
	w := fragmentWorld(t, "firehose")
	res := collectClean(t, w, "firehose")
	fs := byKind(res.Resources)["aws.firehose.delivery_stream"]
	if len(fs) != 3 || fs["clicks-to-s3"].Tags["team"] != "web" {
		t.Fatalf("delivery streams: %v", fs)
	}
	if a := fs["clicks-to-s3"].Attributes.(*model.FirehoseDeliveryStream); a.EncryptionStatus != "DISABLED" || a.DeliveryStreamType != "DirectPut" {
		t.Errorf("clicks-to-s3: %+v", a)
	}
	if a := fs["audit-to-s3"].Attributes.(*model.FirehoseDeliveryStream); a.EncryptionStatus != "ENABLED" || a.KeyType != "CUSTOMER_MANAGED_CMK" ||
		len(fs["audit-to-s3"].Relations) != 1 {
		t.Errorf("audit-to-s3: %+v", a)
	}
	if a := fs["clickstream-archive"].Attributes.(*model.FirehoseDeliveryStream); a.DeliveryStreamType != "KinesisStreamAsSource" {
		t.Errorf("clickstream-archive: %+v", a)
	}
}
