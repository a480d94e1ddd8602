package aws

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/vigil-sec/vigil/model"
)

// ListTables, DescribeTable, DescribeContinuousBackups and
// ListTagsOfResource decode through the SDK (JSON 1.0) into the world's
// tables; a table with no backups set answers a new table's.
func TestDynamoDBRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "dynamodb")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := dynamodb.NewFromConfig(cfg)
	tables := w.Account(fragmentAccount).worldOf("dynamodb", "us-east-1").(*dynamodbWorld).Tables

	list, err := client.ListTables(ctx, &dynamodb.ListTablesInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "ListTables", list.TableNames, []string{"orders", "sessions"})
	if list.LastEvaluatedTableName != nil {
		t.Errorf("one page, yet LastEvaluatedTableName %s", aws.ToString(list.LastEvaluatedTableName))
	}
	for _, tb := range tables {
		name := aws.ToString(tb.TableName)
		arn := "arn:aws:dynamodb:us-east-1:111111111111:table/" + name
		d, err := client.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(name)})
		if err != nil {
			t.Fatal(err)
		}
		want := tb.TableDescription
		want.TableArn = aws.String(arn)
		sameJSON(t, "DescribeTable "+name, d.Table, want)
		byARN, err := client.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(arn)})
		if err != nil || aws.ToString(byARN.Table.TableName) != name {
			t.Errorf("DescribeTable by ARN %s: %v", arn, err)
		}

		cb, err := client.DescribeContinuousBackups(ctx, &dynamodb.DescribeContinuousBackupsInput{TableName: aws.String(name)})
		if err != nil {
			t.Fatal(err)
		}
		wantCB := tb.ContinuousBackups
		if wantCB == nil {
			wantCB = &ddbtypes.ContinuousBackupsDescription{ContinuousBackupsStatus: ddbtypes.ContinuousBackupsStatusEnabled,
				PointInTimeRecoveryDescription: &ddbtypes.PointInTimeRecoveryDescription{PointInTimeRecoveryStatus: ddbtypes.PointInTimeRecoveryStatusDisabled}}
		}
		sameJSON(t, "DescribeContinuousBackups "+name, cb.ContinuousBackupsDescription, wantCB)

		tags, err := client.ListTagsOfResource(ctx, &dynamodb.ListTagsOfResourceInput{ResourceArn: aws.String(arn)})
		if err != nil {
			t.Fatal(err)
		}
		wantTags := tb.Tags
		if wantTags == nil {
			wantTags = []ddbtypes.Tag{}
		}
		sameJSON(t, "ListTagsOfResource "+name, tags.Tags, wantTags)
	}
}

// A missing table is ResourceNotFoundException to DescribeTable and
// ListTagsOfResource, TableNotFoundException to DescribeContinuousBackups;
// a limit over 100 is refused.
func TestDynamoDBErrors(t *testing.T) {
	w := fragmentWorld(t, "dynamodb")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := dynamodb.NewFromConfig(cfg)
	_, err := client.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("nope")})
	var rnf *ddbtypes.ResourceNotFoundException
	if !errors.As(err, &rnf) {
		t.Errorf("DescribeTable nope: %v", err)
	}
	_, err = client.DescribeContinuousBackups(ctx, &dynamodb.DescribeContinuousBackupsInput{TableName: aws.String("nope")})
	var tnf *ddbtypes.TableNotFoundException
	if !errors.As(err, &tnf) {
		t.Errorf("DescribeContinuousBackups nope: %v", err)
	}
	_, err = client.ListTagsOfResource(ctx, &dynamodb.ListTagsOfResourceInput{ResourceArn: aws.String("arn:aws:dynamodb:us-east-1:111111111111:table/nope")})
	if !errors.As(err, &rnf) {
		t.Errorf("ListTagsOfResource nope: %v", err)
	}
	_, err = client.ListTables(ctx, &dynamodb.ListTablesInput{Limit: aws.Int32(101)})
	if code := awsJSONErrCode(err); code != "ValidationException" {
		t.Errorf("ListTables limit 101: %v", err)
	}
}

// Tables page by 100 (or Limit) after ExclusiveStartTableName; tags page
// by 10.
func TestDynamoDBPages(t *testing.T) {
	w := fragmentWorld(t, "dynamodb")
	var tables []ddbTable
	for i := range 230 {
		tables = append(tables, ddbTable{TableDescription: ddbtypes.TableDescription{TableName: aws.String(fmt.Sprintf("t%03d", 229-i))}})
	}
	for i := range 25 {
		tables[0].Tags = append(tables[0].Tags, ddbtypes.Tag{Key: aws.String(fmt.Sprintf("k%02d", i)), Value: aws.String("v")})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "dynamodb", &dynamodbWorld{Tables: tables})
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) { o.Region = "eu-west-1" })
	for _, tc := range []struct {
		limit int32
		pages int
	}{{0, 3}, {50, 5}, {23, 10}} {
		p := dynamodb.NewListTablesPaginator(client, &dynamodb.ListTablesInput{Limit: aws.Int32(tc.limit)})
		if tc.limit == 0 {
			p = dynamodb.NewListTablesPaginator(client, &dynamodb.ListTablesInput{})
		}
		var names []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			names, pages = append(names, out.TableNames...), pages+1
		}
		if len(names) != 230 || pages != tc.pages || names[0] != "t000" || names[229] != "t229" {
			t.Errorf("ListTables limit %d: %d names in %d pages (want 230 in %d, in order)", tc.limit, len(names), pages, tc.pages)
		}
	}
	arn := aws.String("arn:aws:dynamodb:eu-west-1:111111111111:table/t229")
	var tags []ddbtypes.Tag
	pages := 0
	for next := (*string)(nil); ; {
		out, err := client.ListTagsOfResource(ctx, &dynamodb.ListTagsOfResourceInput{ResourceArn: arn, NextToken: next})
		if err != nil {
			t.Fatal(err)
		}
		tags, pages = append(tags, out.Tags...), pages+1
		if next = out.NextToken; next == nil {
			break
		}
	}
	if pages != 3 {
		t.Errorf("ListTagsOfResource: %d pages, want 3", pages)
	}
	sameJSON(t, "ListTagsOfResource pages", tags, tables[0].Tags)
}

// The collector reads the customer-key table with recovery on and the
// AWS-owned-key table without it.
func TestDynamoDBCollector(t *testing.T) {
	w := fragmentWorld(t, "dynamodb")
	res := collectClean(t, w, "dynamodb")
	tables := byKind(res.Resources)["aws.dynamodb.table"]
	if len(tables) != 3 {
		t.Fatalf("want 3 tables, got %d", len(tables))
	}
	orders := tables["orders"]
	if orders == nil || orders.ID != "arn:aws:dynamodb:us-east-1:111111111111:table/orders" || orders.Tags["data-classification"] != "confidential" {
		t.Fatalf("orders: %+v", orders)
	}
	if a := orders.Attributes.(*model.DynamoDBTable); !a.PointInTimeRecovery || !a.SSEEnabled ||
		a.KMSKeyARN != "arn:aws:kms:us-east-1:111111111111:key/9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b" {
		t.Errorf("orders attributes: %+v", a)
	}
	sessions := tables["sessions"]
	if a := sessions.Attributes.(*model.DynamoDBTable); a.PointInTimeRecovery || a.SSEEnabled || a.KMSKeyARN != "" || sessions.Tags != nil {
		t.Errorf("sessions: %+v %v", a, sessions.Tags)
	}
	if a := tables["audit-events"].Attributes.(*model.DynamoDBTable); !a.PointInTimeRecovery || !a.SSEEnabled || a.Policy != nil {
		t.Errorf("audit-events attributes: %+v", a)
	}
	// Deletion protection from DescribeTable, the policy from
	// GetResourcePolicy (PolicyNotFoundException for audit-events).
	if a := orders.Attributes.(*model.DynamoDBTable); !a.DeletionProtection || a.Policy == nil || len(a.Policy.Statements) != 1 ||
		a.Policy.Statements[0].Principals["AWS"][0] != "arn:aws:iam::222222222222:role/reporting" {
		t.Errorf("orders protection and policy: %+v", a)
	}
	if a := sessions.Attributes.(*model.DynamoDBTable); a.DeletionProtection || a.Policy == nil || a.Policy.Statements[0].Principals["AWS"][0] != "*" {
		t.Errorf("sessions protection and policy: %+v", a)
	}
}
