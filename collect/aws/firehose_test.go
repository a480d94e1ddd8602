package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/firehose"
	fhtypes "github.com/aws/aws-sdk-go-v2/service/firehose/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestFirehoseAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := firehose.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	s3dest := &fhtypes.ExtendedS3DestinationConfiguration{BucketARN: aws.String("arn:aws:s3:::firehose-target"), RoleARN: aws.String("arn:aws:iam::123456789012:role/firehose")}
	if _, err := client.CreateDeliveryStream(ctx, &firehose.CreateDeliveryStreamInput{DeliveryStreamName: aws.String("open"),
		ExtendedS3DestinationConfiguration: s3dest, Tags: []fhtypes.Tag{{Key: aws.String("team"), Value: aws.String("web")}}}); err != nil {
		t.Fatal(err)
	}
	// moto keeps a creation's encryption input with the status DISABLED;
	// StartDeliveryStreamEncryption turns it ENABLED, as AWS does once the
	// key is in place.
	if _, err := client.CreateDeliveryStream(ctx, &firehose.CreateDeliveryStreamInput{DeliveryStreamName: aws.String("sealed"),
		ExtendedS3DestinationConfiguration: s3dest}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.StartDeliveryStreamEncryption(ctx, &firehose.StartDeliveryStreamEncryptionInput{DeliveryStreamName: aws.String("sealed"),
		DeliveryStreamEncryptionConfigurationInput: &fhtypes.DeliveryStreamEncryptionConfigurationInput{KeyType: fhtypes.KeyTypeAwsOwnedCmk}}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"firehose"})
	noErrors(t, res)
	streams := byKind(res, "aws.firehose.delivery_stream")
	open, sealed := streams["open"], streams["sealed"]
	if open == nil || sealed == nil {
		t.Fatalf("delivery streams: %v", streams)
	}
	if open.ID != "arn:aws:firehose:us-east-1:123456789012:deliverystream/open" || open.Tags["team"] != "web" {
		t.Errorf("identity: %+v", open)
	}
	if a := open.Attributes.(*model.FirehoseDeliveryStream); a.DeliveryStreamType != "DirectPut" || a.EncryptionStatus == "ENABLED" {
		t.Errorf("open: %+v", a)
	}
	if a := sealed.Attributes.(*model.FirehoseDeliveryStream); a.EncryptionStatus != "ENABLED" || a.KeyType != "AWS_OWNED_CMK" {
		t.Errorf("sealed: %+v", a)
	}
	fails := failing(t, res.Resources)
	if !fails["open"]["AWS-FIREHOSE-001"] || fails["sealed"]["AWS-FIREHOSE-001"] {
		t.Errorf("AWS-FIREHOSE-001: open %v, sealed %v", fails["open"], fails["sealed"])
	}
}
