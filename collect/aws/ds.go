package aws

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/directoryservice"
	dstypes "github.com/aws/aws-sdk-go-v2/service/directoryservice/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("ds", false, collectDS) }

// collectDS reads every directory (DescribeDirectories) into
// aws.ds.directory, with the region's log subscriptions
// (ListLogSubscriptions) and SNS event topics (DescribeEventTopics), each
// listed once for all directories, and each directory's tags.
func collectDS(ctx context.Context, s *scope) {
	client := directoryservice.NewFromConfig(s.Config())
	logged, topics := map[string]bool{}, map[string]bool{}
	s.readKind("ListLogSubscriptions", kindFills{model.KindDSDirectory.Name(): {"log_forwarding"}}, func() error {
		p := directoryservice.NewListLogSubscriptionsPaginator(client, &directoryservice.ListLogSubscriptionsInput{})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			for _, l := range page.LogSubscriptions {
				logged[aws.ToString(l.DirectoryId)] = true
			}
		}
		return nil
	})
	s.readKind("DescribeEventTopics", kindFills{model.KindDSDirectory.Name(): {"sns_event_topics"}}, func() error {
		// Without a directory id it answers every directory's topics.
		out, err := client.DescribeEventTopics(ctx, &directoryservice.DescribeEventTopicsInput{})
		if err != nil {
			return err
		}
		for _, t := range out.EventTopics {
			if t.Status == dstypes.TopicStatusRegistered {
				topics[aws.ToString(t.DirectoryId)] = true
			}
		}
		return nil
	})
	var dirs []dstypes.DirectoryDescription
	p := directoryservice.NewDescribeDirectoriesPaginator(client, &directoryservice.DescribeDirectoriesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeDirectories", err)
			return
		}
		dirs = append(dirs, page.DirectoryDescriptions...)
	}
	forEach(s, dirs, func(d dstypes.DirectoryDescription) {
		id := aws.ToString(d.DirectoryId)
		a := &model.DSDirectory{Name: aws.ToString(d.Name), Type: string(d.Type), LogForwarding: logged[id], SNSEventTopics: topics[id]}
		arn := fmt.Sprintf("arn:%s:ds:%s:%s:directory/%s", svcPartition(s.region), s.region, s.account, id)
		rd := s.reads(arn)
		var tags map[string]string
		rd.call("ListTagsForResource", []string{model.TagsPath}, func() error {
			tp := directoryservice.NewListTagsForResourcePaginator(client, &directoryservice.ListTagsForResourceInput{ResourceId: d.DirectoryId})
			for tp.HasMorePages() {
				page, err := tp.NextPage(ctx)
				if awsCodeIn(err, "EntityDoesNotExistException") {
					return nil // deleted since it was listed
				}
				if err != nil {
					return err
				}
				tags = addTags(tags, page.Tags, func(t dstypes.Tag) (*string, *string) { return t.Key, t.Value })
			}
			return nil
		})
		rd.add(model.KindDSDirectory.With(a), a.Name, d, tags)
	})
}
