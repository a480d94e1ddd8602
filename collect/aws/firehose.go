package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/firehose"
	fhtypes "github.com/aws/aws-sdk-go-v2/service/firehose/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("firehose", false, collectFirehose) }

// collectFirehose reads every delivery stream's source type and
// server-side encryption (DescribeDeliveryStream) and tags into
// aws.firehose.delivery_stream.
func collectFirehose(ctx context.Context, s *scope) {
	client := firehose.NewFromConfig(s.Config())
	var names []string
	in := &firehose.ListDeliveryStreamsInput{}
	for {
		out, err := client.ListDeliveryStreams(ctx, in)
		if err != nil {
			s.fail("ListDeliveryStreams", err)
			return
		}
		names = append(names, out.DeliveryStreamNames...)
		if !aws.ToBool(out.HasMoreDeliveryStreams) || len(out.DeliveryStreamNames) == 0 {
			break
		}
		in.ExclusiveStartDeliveryStreamName = aws.String(out.DeliveryStreamNames[len(out.DeliveryStreamNames)-1])
	}
	forEach(s, names, func(name string) {
		out, err := client.DescribeDeliveryStream(ctx, &firehose.DescribeDeliveryStreamInput{DeliveryStreamName: aws.String(name)})
		if err != nil || out.DeliveryStreamDescription == nil {
			s.failResource("DescribeDeliveryStream", name, err)
			return
		}
		d := out.DeliveryStreamDescription
		a := &model.FirehoseDeliveryStream{Name: name, DeliveryStreamType: string(d.DeliveryStreamType),
			EncryptionStatus: string(fhtypes.DeliveryStreamEncryptionStatusDisabled)}
		var rels []model.Relation
		if ec := d.DeliveryStreamEncryptionConfiguration; ec != nil {
			if ec.Status != "" {
				a.EncryptionStatus = string(ec.Status)
			}
			a.KeyType = string(ec.KeyType)
			if k := aws.ToString(ec.KeyARN); k != "" {
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: k})
			}
		}
		raw := map[string]any{"DeliveryStreamARN": aws.ToString(d.DeliveryStreamARN), "DeliveryStreamName": name, "DeliveryStreamType": d.DeliveryStreamType,
			"DeliveryStreamStatus": d.DeliveryStreamStatus, "DeliveryStreamEncryptionConfiguration": d.DeliveryStreamEncryptionConfiguration}
		rd := s.reads(aws.ToString(d.DeliveryStreamARN))
		var tags map[string]string
		rd.call("ListTagsForDeliveryStream", []string{model.TagsPath}, func() error {
			in := &firehose.ListTagsForDeliveryStreamInput{DeliveryStreamName: aws.String(name)}
			for {
				out, err := client.ListTagsForDeliveryStream(ctx, in)
				if err != nil {
					return err
				}
				tags = addTags(tags, out.Tags, func(t fhtypes.Tag) (*string, *string) { return t.Key, t.Value })
				if !aws.ToBool(out.HasMoreTags) || len(out.Tags) == 0 {
					return nil
				}
				in.ExclusiveStartTagKey = out.Tags[len(out.Tags)-1].Key
			}
		})
		rd.add(model.KindFirehoseDeliveryStream.With(a), name, raw, tags, rels...)
	})
}
