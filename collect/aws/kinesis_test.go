package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	kintypes "github.com/aws/aws-sdk-go-v2/service/kinesis/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestKinesisAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := kinesis.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	for _, n := range []string{"plain", "sealed"} {
		if _, err := client.CreateStream(ctx, &kinesis.CreateStreamInput{StreamName: aws.String(n), ShardCount: aws.Int32(1)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := client.AddTagsToStream(ctx, &kinesis.AddTagsToStreamInput{StreamName: aws.String("plain"), Tags: map[string]string{"team": "web"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.StartStreamEncryption(ctx, &kinesis.StartStreamEncryptionInput{StreamName: aws.String("sealed"),
		EncryptionType: kintypes.EncryptionTypeKms, KeyId: aws.String("alias/aws/kinesis")}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.IncreaseStreamRetentionPeriod(ctx, &kinesis.IncreaseStreamRetentionPeriodInput{StreamName: aws.String("sealed"),
		RetentionPeriodHours: aws.Int32(168)}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"kinesis"})
	noErrors(t, res)
	streams := byKind(res, "aws.kinesis.stream")
	plain, sealed := streams["plain"], streams["sealed"]
	if plain == nil || sealed == nil {
		t.Fatalf("streams: %v", streams)
	}
	if plain.ID != "arn:aws:kinesis:us-east-1:123456789012:stream/plain" || plain.Tags["team"] != "web" {
		t.Errorf("identity: %+v", plain)
	}
	if a := plain.Attributes.(*model.KinesisStream); a.EncryptionType != "NONE" || a.RetentionPeriodHours != 24 {
		t.Errorf("plain: %+v", a)
	}
	if a := sealed.Attributes.(*model.KinesisStream); a.EncryptionType != "KMS" || a.KMSKeyID != "alias/aws/kinesis" || a.RetentionPeriodHours != 168 {
		t.Errorf("sealed: %+v", a)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-KINESIS-001", "AWS-KINESIS-002"} {
		if !fails["plain"][id] || fails["sealed"][id] {
			t.Errorf("%s: plain %v, sealed %v", id, fails["plain"], fails["sealed"])
		}
	}
}
