package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	kintypes "github.com/aws/aws-sdk-go-v2/service/kinesis/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("kinesis", false, collectKinesis) }

// collectKinesis reads every data stream's encryption and retention
// (DescribeStreamSummary) and tags into aws.kinesis.stream.
func collectKinesis(ctx context.Context, s *scope) {
	client := kinesis.NewFromConfig(s.Config())
	var streams []kintypes.StreamSummary
	p := kinesis.NewListStreamsPaginator(client, &kinesis.ListStreamsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListStreams", err)
			return
		}
		if len(page.StreamSummaries) > 0 {
			streams = append(streams, page.StreamSummaries...)
			continue
		}
		// Older answers carry the names only.
		for _, n := range page.StreamNames {
			streams = append(streams, kintypes.StreamSummary{StreamName: aws.String(n)})
		}
	}
	forEach(s, streams, func(st kintypes.StreamSummary) {
		name := aws.ToString(st.StreamName)
		out, err := client.DescribeStreamSummary(ctx, &kinesis.DescribeStreamSummaryInput{StreamName: st.StreamName})
		if err != nil || out.StreamDescriptionSummary == nil {
			id := aws.ToString(st.StreamARN)
			if id == "" {
				id = name
			}
			s.failResource("DescribeStreamSummary", id, err)
			return
		}
		d := out.StreamDescriptionSummary
		a := &model.KinesisStream{
			Name:                 name,
			EncryptionType:       string(d.EncryptionType),
			KMSKeyID:             aws.ToString(d.KeyId),
			RetentionPeriodHours: int(aws.ToInt32(d.RetentionPeriodHours)),
		}
		if a.EncryptionType == "" {
			a.EncryptionType = string(kintypes.EncryptionTypeNone)
		}
		var rels []model.Relation
		if a.EncryptionType == string(kintypes.EncryptionTypeKms) && a.KMSKeyID != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.KMSKeyID})
		}
		rd := s.reads(aws.ToString(d.StreamARN))
		var tags map[string]string
		rd.call("ListTagsForStream", []string{model.TagsPath}, func() error {
			in := &kinesis.ListTagsForStreamInput{StreamName: st.StreamName}
			for {
				out, err := client.ListTagsForStream(ctx, in)
				if err != nil {
					return err
				}
				tags = addTags(tags, out.Tags, func(t kintypes.Tag) (*string, *string) { return t.Key, t.Value })
				if !aws.ToBool(out.HasMoreTags) || len(out.Tags) == 0 {
					return nil
				}
				in.ExclusiveStartTagKey = out.Tags[len(out.Tags)-1].Key
			}
		})
		raw := map[string]any{"StreamDescriptionSummary": d}
		rd.add(model.KindKinesisStream.With(a), name, raw, tags, rels...)
	})
}
