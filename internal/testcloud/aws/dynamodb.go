package aws

import (
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// dynamodbWorld is DynamoDB in one region.
type dynamodbWorld struct {
	Tables []ddbTable `json:"tables"`
}

// ddbTable is a table as DescribeTable shows it (TableArn filled in), its
// continuous backups and tags.
type ddbTable struct {
	ddbtypes.TableDescription
	// ContinuousBackups left out is a new table's: backups on, point-in-time
	// recovery off.
	ContinuousBackups *ddbtypes.ContinuousBackupsDescription `json:"continuous_backups"`
	Tags              []ddbtypes.Tag                         `json:"tags"`
	// ResourcePolicy is the table's resource policy document, if any.
	ResourcePolicy string `json:"resource_policy"`
}

// DynamoDB page sizes: ListTables 100 (its most); ListTagsOfResource takes
// no limit and AWS does not say its page, 10 here.
const (
	ddbTablesPage = 100
	ddbTagsPage   = 10
)

func init() {
	register(&service{name: "dynamodb", signing: "dynamodb", protocol: protoJSON10,
		newWorld: func() any { return &dynamodbWorld{} },
		ops: map[string]op{
			"ListTables": func(c *call) (any, error) {
				limit := c.intParam("Limit", ddbTablesPage)
				if limit > ddbTablesPage {
					return nil, badRequest("ValidationException", "1 validation error detected: Value '%d' at 'limit' failed to satisfy constraint: Member must have value less than or equal to %d", limit, ddbTablesPage)
				}
				var names []string
				for _, t := range worldOf[dynamodbWorld](c).Tables {
					names = append(names, aws.ToString(t.TableName))
				}
				sort.Strings(names)
				// Pages start after ExclusiveStartTableName, which need not exist.
				start := c.param("ExclusiveStartTableName")
				from := sort.SearchStrings(names, start)
				if from < len(names) && names[from] == start {
					from++
				}
				out := &dynamodb.ListTablesOutput{TableNames: names[from:min(from+limit, len(names))]}
				if out.TableNames == nil {
					out.TableNames = []string{}
				}
				if from+limit < len(names) {
					out.LastEvaluatedTableName = aws.String(out.TableNames[len(out.TableNames)-1])
				}
				return out, nil
			},
			"DescribeTable": func(c *call) (any, error) {
				t, err := ddbTableOf(c, c.param("TableName"), "ResourceNotFoundException")
				if err != nil {
					return nil, err
				}
				return &dynamodb.DescribeTableOutput{Table: &t.TableDescription}, nil
			},
			"DescribeContinuousBackups": func(c *call) (any, error) {
				t, err := ddbTableOf(c, c.param("TableName"), "TableNotFoundException")
				if err != nil {
					return nil, err
				}
				return &dynamodb.DescribeContinuousBackupsOutput{ContinuousBackupsDescription: t.ContinuousBackups}, nil
			},
			"GetResourcePolicy": func(c *call) (any, error) {
				arn := c.param("ResourceArn")
				t, err := ddbTableOf(c, arn, "ResourceNotFoundException")
				if err != nil {
					return nil, err
				}
				if t.ResourcePolicy == "" {
					return nil, badRequest("PolicyNotFoundException", "Resource-based policy not found for the provided ResourceArn: %s", arn)
				}
				return &dynamodb.GetResourcePolicyOutput{Policy: aws.String(t.ResourcePolicy), RevisionId: aws.String("1700000000000")}, nil
			},
			"ListTagsOfResource": func(c *call) (any, error) {
				arn := c.param("ResourceArn")
				if !strings.Contains(arn, ":table/") {
					return nil, badRequest("ValidationException", "Invalid TableArn: Invalid ResourceArn provided as input %s", arn)
				}
				t, err := ddbTableOf(c, arn, "ResourceNotFoundException")
				if err != nil {
					return nil, err
				}
				items, next, err := page(t.Tags, c.param("NextToken"), ddbTagsPage)
				if err != nil {
					return nil, err
				}
				if items == nil {
					items = []ddbtypes.Tag{}
				}
				return &dynamodb.ListTagsOfResourceOutput{Tags: items, NextToken: optional(next)}, nil
			},
		}})
}

// ddbTableOf finds a table by name or ARN, filled in; code is the
// operation's error for a missing table.
func ddbTableOf(c *call, name, code string) (*ddbTable, error) {
	for _, t := range worldOf[dynamodbWorld](c).Tables {
		if t.TableArn == nil {
			t.TableArn = aws.String(c.arn("dynamodb", "table/"+aws.ToString(t.TableName)))
		}
		if t.ContinuousBackups == nil {
			t.ContinuousBackups = &ddbtypes.ContinuousBackupsDescription{ContinuousBackupsStatus: ddbtypes.ContinuousBackupsStatusEnabled,
				PointInTimeRecoveryDescription: &ddbtypes.PointInTimeRecoveryDescription{PointInTimeRecoveryStatus: ddbtypes.PointInTimeRecoveryStatusDisabled}}
		}
		if name == aws.ToString(t.TableName) || name == aws.ToString(t.TableArn) {
			return &t, nil
		}
	}
	if code == "TableNotFoundException" {
		return nil, badRequest(code, "Table not found: %s", name)
	}
	return nil, badRequest(code, "Requested resource not found: Table: %s not found", name)
}
