package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	dms "github.com/aws/aws-sdk-go-v2/service/databasemigrationservice"
	dmstypes "github.com/aws/aws-sdk-go-v2/service/databasemigrationservice/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedDMS creates an endpoint without SSL and one verifying the server.
// moto answers the instances' and tasks' timestamps as ISO 8601 text where
// AWS's JSON protocol sends epoch seconds, so the SDK cannot read its
// instances or tasks: those are answered by dmsFakes.
func seedDMS(t *testing.T, srv *moto.Server) {
	t.Helper()
	client := dms.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	must(client.CreateEndpoint(ctx, &dms.CreateEndpointInput{EndpointIdentifier: aws.String("plain"), EndpointType: dmstypes.ReplicationEndpointTypeValueSource,
		EngineName: aws.String("mysql"), ServerName: aws.String("db.example.internal"), Port: aws.Int32(3306), Username: aws.String("dms"), Password: aws.String("not-a-secret"), SslMode: dmstypes.DmsSslModeValueNone}))
	must(client.CreateEndpoint(ctx, &dms.CreateEndpointInput{EndpointIdentifier: aws.String("verified"), EndpointType: dmstypes.ReplicationEndpointTypeValueTarget,
		EngineName: aws.String("postgres"), ServerName: aws.String("pg.example.internal"), Port: aws.Int32(5432), DatabaseName: aws.String("orders"), Username: aws.String("dms"), Password: aws.String("not-a-secret"), SslMode: dmstypes.DmsSslModeValueVerifyFull}))
}

// dmsFakes answer DescribeReplicationInstances and DescribeReplicationTasks
// in the shapes of the DMS API reference.
var dmsFakes = map[string][]jsonReply{
	"AmazonDMSv20160101.DescribeReplicationInstances": {{body: `{"ReplicationInstances":[
		{"ReplicationInstanceIdentifier":"open","ReplicationInstanceArn":"arn:aws:dms:us-east-1:123456789012:rep:OPEN","PubliclyAccessible":true,"AutoMinorVersionUpgrade":false,"MultiAZ":false,"InstanceCreateTime":1.7e9},
		{"ReplicationInstanceIdentifier":"closed","ReplicationInstanceArn":"arn:aws:dms:us-east-1:123456789012:rep:CLOSED","PubliclyAccessible":false,"AutoMinorVersionUpgrade":true,"MultiAZ":true,"InstanceCreateTime":1.7e9}]}`}},
	"AmazonDMSv20160101.DescribeReplicationTasks": {{body: `{"ReplicationTasks":[
		{"ReplicationTaskIdentifier":"quiet","ReplicationTaskArn":"arn:aws:dms:us-east-1:123456789012:task:QUIET","MigrationType":"cdc","ReplicationTaskSettings":"{\"Logging\":{\"EnableLogging\":false}}"},
		{"ReplicationTaskIdentifier":"logged","ReplicationTaskArn":"arn:aws:dms:us-east-1:123456789012:task:LOGGED","MigrationType":"cdc","ReplicationTaskSettings":"{\"Logging\":{\"EnableLogging\":true}}"}]}`}},
}

func TestDMSAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedDMS(t, srv)
	fake, _ := fakeJSON(t, srv, dmsFakes)
	res := collectMoto(t, fake, []string{"dms"})
	noErrors(t, res)

	inst := byKind(res, "aws.dms.replication_instance")
	if inst["open"] == nil || inst["closed"] == nil {
		t.Fatalf("instances: %v", inst)
	}
	if a := inst["open"].Attributes.(*model.DMSReplicationInstance); !a.PubliclyAccessible || a.AutoMinorVersionUpgrade || a.MultiAZ {
		t.Errorf("open: %+v", a)
	}
	eps := byKind(res, "aws.dms.endpoint")
	if eps["plain"] == nil || eps["verified"] == nil {
		t.Fatalf("endpoints: %v", eps)
	}
	tasks := byKind(res, "aws.dms.replication_task")
	if tasks["quiet"] == nil || tasks["logged"] == nil {
		t.Fatalf("tasks: %v", tasks)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-DMS-001", "AWS-DMS-002", "AWS-DMS-003"} {
		if !fails["open"][id] || fails["closed"][id] {
			t.Errorf("%s: open %v, closed %v", id, fails["open"], fails["closed"])
		}
	}
	if !fails["plain"]["AWS-DMS-004"] || fails["verified"]["AWS-DMS-004"] {
		t.Errorf("AWS-DMS-004: plain %v, verified %v", fails["plain"], fails["verified"])
	}
	if !fails["quiet"]["AWS-DMS-005"] || fails["logged"]["AWS-DMS-005"] {
		t.Errorf("AWS-DMS-005: quiet %v, logged %v", fails["quiet"], fails["logged"])
	}
}
