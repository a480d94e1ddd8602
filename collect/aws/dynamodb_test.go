package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestDynamoDBAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := dynamodb.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	create := func(name string, sse *ddbtypes.SSESpecification) {
		t.Helper()
		if _, err := client.CreateTable(ctx, &dynamodb.CreateTableInput{
			TableName:            aws.String(name),
			AttributeDefinitions: []ddbtypes.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: ddbtypes.ScalarAttributeTypeS}},
			KeySchema:            []ddbtypes.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: ddbtypes.KeyTypeHash}},
			BillingMode:          ddbtypes.BillingModePayPerRequest,
			SSESpecification:     sse,
			Tags:                 []ddbtypes.Tag{{Key: aws.String("team"), Value: aws.String("orders")}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	create("bare", nil)
	create("guarded", &ddbtypes.SSESpecification{Enabled: aws.Bool(true), SSEType: ddbtypes.SSETypeKms})
	if _, err := client.UpdateContinuousBackups(ctx, &dynamodb.UpdateContinuousBackupsInput{TableName: aws.String("guarded"),
		PointInTimeRecoverySpecification: &ddbtypes.PointInTimeRecoverySpecification{PointInTimeRecoveryEnabled: aws.Bool(true)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.UpdateTable(ctx, &dynamodb.UpdateTableInput{TableName: aws.String("guarded"), DeletionProtectionEnabled: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.PutResourcePolicy(ctx, &dynamodb.PutResourcePolicyInput{ResourceArn: aws.String("arn:aws:dynamodb:us-east-1:123456789012:table/bare"),
		Policy: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"dynamodb:GetItem","Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/bare"}]}`)}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"dynamodb"})
	noErrors(t, res)
	tables := byKind(res, "aws.dynamodb.table")
	if len(tables) != 2 {
		t.Fatalf("want 2 tables, got %d", len(tables))
	}
	bare, guarded := tables["bare"], tables["guarded"]
	if a := bare.Attributes.(*model.DynamoDBTable); a.Name != "bare" || a.PointInTimeRecovery || a.SSEEnabled || a.KMSKeyARN != "" ||
		bare.ID != "arn:aws:dynamodb:us-east-1:123456789012:table/bare" || bare.Tags["team"] != "orders" || len(bare.Raw) == 0 {
		t.Errorf("bare: %+v %+v", bare, a)
	}
	// Without a key id moto, like AWS, reports the AWS managed aws/dynamodb key.
	if a := guarded.Attributes.(*model.DynamoDBTable); !a.PointInTimeRecovery || !a.SSEEnabled || a.KMSKeyARN == "" ||
		len(guarded.Relations) != 1 {
		t.Errorf("guarded: %+v %+v", guarded, a)
	}
	if a := guarded.Attributes.(*model.DynamoDBTable); !a.DeletionProtection || a.Policy != nil {
		t.Errorf("guarded protection and policy: %+v", a)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-DDB-020", "AWS-DDB-021"} {
		if !fails["bare"][id] || fails["guarded"][id] {
			t.Errorf("%s: %v", id, fails)
		}
	}
	if !fails["bare"]["AWS-DDB-001"] || fails["guarded"]["AWS-DDB-001"] {
		t.Errorf("AWS-DDB-001: %v", fails)
	}
	if !fails["bare"]["AWS-DDB-002"] || fails["guarded"]["AWS-DDB-002"] {
		t.Errorf("AWS-DDB-002: %v", fails)
	}
}
