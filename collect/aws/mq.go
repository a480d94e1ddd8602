package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mq"
	mqtypes "github.com/aws/aws-sdk-go-v2/service/mq/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("mq", false, collectMQ) }

// mqFills are the settings DescribeBroker fills: ListBrokers answers
// names and engines only.
var mqFills = []string{"publicly_accessible", "general_logs", "audit_logs", "auto_minor_version_upgrade"}

// collectMQ reads every broker (ListBrokers, then DescribeBroker) into
// aws.mq.broker.
func collectMQ(ctx context.Context, s *scope) {
	client := mq.NewFromConfig(s.Config())
	p := mq.NewListBrokersPaginator(client, &mq.ListBrokersInput{})
	var brokers []mqtypes.BrokerSummary
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListBrokers", err)
			return
		}
		brokers = append(brokers, page.BrokerSummaries...)
	}
	forEach(s, brokers, func(b mqtypes.BrokerSummary) {
		a := &model.MQBroker{EngineType: string(b.EngineType)}
		raw := map[string]any{"BrokerSummary": b}
		var tags map[string]string
		var rels []model.Relation
		rd := s.reads(aws.ToString(b.BrokerArn))
		rd.call("DescribeBroker", append(mqFills, model.TagsPath), func() error {
			out, err := client.DescribeBroker(ctx, &mq.DescribeBrokerInput{BrokerId: b.BrokerId})
			if awsCodeIn(err, "NotFoundException") {
				return nil // deleted since it was listed
			}
			if err != nil {
				return err
			}
			raw["Broker"] = out
			a.PubliclyAccessible = aws.ToBool(out.PubliclyAccessible)
			a.AutoMinorVersionUpgrade = aws.ToBool(out.AutoMinorVersionUpgrade)
			if l := out.Logs; l != nil {
				a.GeneralLogs, a.AuditLogs = aws.ToBool(l.General), aws.ToBool(l.Audit)
			}
			tags = out.Tags
			for _, sg := range out.SecurityGroups {
				rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: sg})
			}
			if e := out.EncryptionOptions; e != nil && !aws.ToBool(e.UseAwsOwnedKey) && aws.ToString(e.KmsKeyId) != "" {
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: aws.ToString(e.KmsKeyId)})
			}
			return nil
		})
		rd.add(model.KindMQBroker.With(a), aws.ToString(b.BrokerName), raw, tags, rels...)
	})
}
