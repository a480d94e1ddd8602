package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("dynamodb", false, collectDynamoDB) }

// collectDynamoDB reads every table with its encryption and deletion
// protection (DescribeTable), point-in-time recovery
// (DescribeContinuousBackups) and resource policy (GetResourcePolicy) into
// aws.dynamodb.table.
func collectDynamoDB(ctx context.Context, s *scope) {
	client := dynamodb.NewFromConfig(s.Config())
	p := dynamodb.NewListTablesPaginator(client, &dynamodb.ListTablesInput{})
	var tables []string
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListTables", err)
			return
		}
		tables = append(tables, page.TableNames...)
	}
	forEach(s, tables, func(name string) {
		desc, err := client.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(name)})
		if err != nil {
			s.failResource("DescribeTable", name, err)
			return
		}
		t := &model.DynamoDBTable{Name: name, DeletionProtection: aws.ToBool(desc.Table.DeletionProtectionEnabled)}
		// No SSEDescription (or SSEType AES256) means the AWS owned
		// key; KMS means the AWS managed or a customer managed key,
		// as sse_enabled means in Terraform.
		if sse := desc.Table.SSEDescription; sse != nil && sse.SSEType == ddbtypes.SSETypeKms &&
			(sse.Status == ddbtypes.SSEStatusEnabled || sse.Status == ddbtypes.SSEStatusUpdating) {
			t.SSEEnabled = true
			t.KMSKeyARN = aws.ToString(sse.KMSMasterKeyArn)
		}
		raw := map[string]any{"Table": desc.Table}
		arn := aws.ToString(desc.Table.TableArn)
		rd := s.reads(arn)
		rd.call("DescribeContinuousBackups", []string{"point_in_time_recovery"}, func() error {
			cb, err := client.DescribeContinuousBackups(ctx, &dynamodb.DescribeContinuousBackupsInput{TableName: aws.String(name)})
			if err != nil {
				return err
			}
			if d := cb.ContinuousBackupsDescription; d != nil {
				raw["ContinuousBackupsDescription"] = d
				t.PointInTimeRecovery = d.PointInTimeRecoveryDescription != nil &&
					d.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus == ddbtypes.PointInTimeRecoveryStatusEnabled
			}
			return nil
		})
		// A table without a resource policy answers PolicyNotFoundException.
		rd.call("GetResourcePolicy", []string{"policy"}, func() error {
			out, err := client.GetResourcePolicy(ctx, &dynamodb.GetResourcePolicyInput{ResourceArn: aws.String(arn)})
			if awsCodeIn(err, "PolicyNotFoundException") {
				return nil
			}
			if err != nil {
				return err
			}
			return keepPolicy(raw, "ResourcePolicy", out.Policy, &t.Policy)
		})
		var tags map[string]string
		rd.call("ListTagsOfResource", []string{model.TagsPath}, func() error {
			for next := (*string)(nil); ; {
				tt, err := client.ListTagsOfResource(ctx, &dynamodb.ListTagsOfResourceInput{ResourceArn: aws.String(arn), NextToken: next})
				if err != nil {
					tags = nil
					return err
				}
				tags = addTags(tags, tt.Tags, func(t ddbtypes.Tag) (*string, *string) { return t.Key, t.Value })
				if next = tt.NextToken; next == nil {
					return nil
				}
			}
		})
		var rels []model.Relation
		if t.KMSKeyARN != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: t.KMSKeyARN})
		}
		rd.add(model.KindDynamoDBTable.With(t), name, raw, tags, rels...)
	})
}
